# Calls codeact's /codeact/call service from rospy, with the codeact_msgs/ToolCall type built at runtime
# from its .srv text (no catkin package needed); prints the response, or {"error": ...}, as one JSON line.
#   toolcall_client.py SRV_FILE API ARGS_JSON
import json
import sys

import genmsg
import genmsg.gentools
import genmsg.msg_loader
import genpy.dynamic
import rospy


def service_class(srv_file):
    text = open(srv_file).read()
    ctx = genmsg.MsgContext.create_default()
    spec = genmsg.msg_loader.load_srv_from_string(ctx, text, "codeact_msgs/ToolCall")
    genmsg.msg_loader.load_depends(ctx, spec, {})
    md5 = genmsg.gentools.compute_md5(ctx, spec)
    request_text, response_text = spec.request.text, spec.response.text
    request = genpy.dynamic.generate_dynamic("codeact_msgs/ToolCallRequest", request_text)["codeact_msgs/ToolCallRequest"]
    response = genpy.dynamic.generate_dynamic("codeact_msgs/ToolCallResponse", response_text)["codeact_msgs/ToolCallResponse"]

    class ToolCall(object):
        _type = "codeact_msgs/ToolCall"
        _md5sum = md5
        _request_class = request
        _response_class = response
    return ToolCall


def main():
    srv_file, api, args_json = sys.argv[1:4]
    cls = service_class(srv_file)
    rospy.init_node("toolcall_client", anonymous=True)
    rospy.wait_for_service("/codeact/call", timeout=20)
    proxy = rospy.ServiceProxy("/codeact/call", cls)
    try:
        r = proxy(api=api, args_json=args_json)
        out = {"ok": r.ok, "error_kind": r.error_kind, "error": r.error, "result_json": r.result_json}
    except rospy.ServiceException as e:
        out = {"error": str(e)}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

# For MessageMd5InteropTest: what Debian's ROS says about each type, all in one python process
# (rosmsg/rossrv start a python each, ~0.2 s per type).
# stdin: lines "msg pkg/Type" or "srv pkg/Type". stdout: one JSON object keyed by type name.
# The values come from the generated rospy classes, which is exactly what `rosmsg md5` and
# `rossrv md5` print (both call roslib.message.get_*_class(...)._md5sum).
import json
import sys

import roslib.message

out = {}
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    kind, name = line.split()
    try:
        if kind == "msg":
            cls = roslib.message.get_message_class(name)
            if cls is None:
                raise LookupError("no rospy class for " + name)
            out[name] = {"md5": cls._md5sum, "definition": cls._full_text, "type": cls._type}
        else:
            cls = roslib.message.get_service_class(name)
            if cls is None:
                raise LookupError("no rospy class for " + name)
            req, resp = cls._request_class, cls._response_class
            out[name] = {"md5": cls._md5sum, "type": cls._type,
                         "request_md5": req._md5sum, "request_definition": req._full_text,
                         "response_md5": resp._md5sum, "response_definition": resp._full_text}
    except Exception as e:  # reported per type so one missing class does not hide the others
        out[name] = {"error": "%s: %s" % (type(e).__name__, e)}
json.dump(out, sys.stdout)

# A rospy node for the interop tests, driven by arguments; prints "READY" when set up, then JSON lines.
#   pub TOPIC TYPE JSON [--latch] [--once] [--rate HZ]   publish JSON (fields; "$seq" in strings becomes a counter)
#   sub TOPIC TYPE                                      print each message as one JSON line
#   serve SERVICE TYPE                                  std_srvs SetBool (fails on data=false) or Trigger
#   call SERVICE TYPE JSON                              call once, print the response (or {"error": ...})
# Node name: --name NAME (default anonymous).
import json
import sys
import time

import genpy
import roslib.message
import rospy


def to_jsonable(value):
    if isinstance(value, genpy.Message):
        return {slot: to_jsonable(getattr(value, slot)) for slot in value.__slots__}
    if isinstance(value, (genpy.Time, genpy.Duration)):
        return {"secs": value.secs, "nsecs": value.nsecs}
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def fill(cls, fields, seq):
    text = json.dumps(fields).replace("$seq", str(seq))
    msg = cls()
    genpy.message.fill_message_args(msg, [json.loads(text)])
    return msg


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def option(args, name, default=None):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return default


def flag(args, name):
    if name in args:
        args.remove(name)
        return True
    return False


def main():
    args = sys.argv[1:]
    name = option(args, "--name")
    latch = flag(args, "--latch")
    once = flag(args, "--once")
    rate = float(option(args, "--rate", "20"))
    mode = args[0]
    rospy.init_node(name or "interop_" + mode, anonymous=name is None, disable_signals=False)
    if mode == "pub":
        topic, type_name, fields = args[1], args[2], json.loads(args[3])
        cls = roslib.message.get_message_class(type_name)
        pub = rospy.Publisher(topic, cls, queue_size=10, latch=latch)
        emit("READY")
        seq = 0
        if once:
            pub.publish(fill(cls, fields, seq))
            rospy.spin()
            return
        while not rospy.is_shutdown():
            pub.publish(fill(cls, fields, seq))
            seq += 1
            time.sleep(1.0 / rate)
    elif mode == "sub":
        topic, type_name = args[1], args[2]
        cls = roslib.message.get_message_class(type_name)
        rospy.Subscriber(topic, cls, lambda m: emit(to_jsonable(m)), tcp_nodelay=True)
        emit("READY")
        rospy.spin()
    elif mode == "serve":
        service, type_name = args[1], args[2]
        cls = roslib.message.get_service_class(type_name)

        def handle(req):
            fields = {slot: getattr(req, slot) for slot in req.__slots__}
            if fields.get("data") is False and type_name == "std_srvs/SetBool":
                raise rospy.ServiceException("refusing data=false")
            if type_name == "std_srvs/SetBool":
                return cls._response_class(success=True, message="rospy got data=%s" % fields["data"])
            return cls._response_class(success=True, message="rospy triggered")
        rospy.Service(service, cls, handle)
        emit("READY")
        rospy.spin()
    elif mode == "call":
        service, type_name, fields = args[1], args[2], json.loads(args[3])
        cls = roslib.message.get_service_class(type_name)
        rospy.wait_for_service(service, timeout=10)
        proxy = rospy.ServiceProxy(service, cls)
        try:
            emit(to_jsonable(proxy(**fields)))
        except rospy.ServiceException as e:
            emit({"error": str(e)})
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()

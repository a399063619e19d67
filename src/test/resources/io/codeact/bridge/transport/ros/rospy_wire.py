# For MessageWireInteropTest: serialise messages with rospy's generated (or genpy-dynamic) classes.
# stdin: JSON list of cases {"type", "definition" (optional full message_definition, for types rospy has no
# class for), "value" (fields as JSON; time/duration as {"secs","nsecs"}, uint8[] as lists of ints,
# floats possibly "Infinity"), "java_hex" (our bytes for the same value)}.
# stdout: JSON list of {"hex": rospy's bytes, "java_equal": whether rospy reads our bytes as the same message}.
import io
import json
import sys

import genpy
import genpy.dynamic
import roslib.message
from genmsg.msgs import parse_type

INTS = {"int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "byte", "char"}
FLOATS = {"float32", "float64"}


def message_class(name, dynamic):
    if name in dynamic:
        return dynamic[name]
    cls = roslib.message.get_message_class(name)
    if cls is None:
        raise LookupError("no class for " + name)
    return cls


def convert(slot_type, value, dynamic):
    base, is_array, _ = parse_type(slot_type)
    if is_array:
        if base in ("uint8", "char"):
            return bytes(value)
        return [convert(base, v, dynamic) for v in value]
    if base in INTS:
        return int(value)
    if base in FLOATS:
        return float(value)
    if base == "bool":
        return bool(value)
    if base == "string":
        return value
    if base == "time":
        return genpy.Time(value["secs"], value["nsecs"])
    if base == "duration":
        return genpy.Duration(value["secs"], value["nsecs"])
    return build(message_class(base, dynamic), value, dynamic)


def build(cls, value, dynamic):
    msg = cls()
    for name, slot_type in zip(cls.__slots__, cls._slot_types):
        if name in value:
            setattr(msg, name, convert(slot_type, value[name], dynamic))
    return msg


results = []
for case in json.load(sys.stdin):
    dynamic = genpy.dynamic.generate_dynamic(case["type"], case["definition"]) if case.get("definition") else {}
    cls = message_class(case["type"], dynamic)
    msg = build(cls, case["value"], dynamic)
    buff = io.BytesIO()
    msg.serialize(buff)
    theirs = cls()
    theirs.deserialize(bytes.fromhex(case["java_hex"]))
    results.append({"hex": buff.getvalue().hex(), "java_equal": theirs == msg})
json.dump(results, sys.stdout)

"""A rospy action-style client of the controller node, for ControllerNodeRosInteropTest.

Reads {"robot": ..., "goal": {...}, "cancel_after_active_s": null|float} on stdin; sends the goal on
/<robot>/codeact/goal (std_msgs/String JSON), optionally cancels it (actionlib_msgs/GoalID) that long after
the status shows it ACTIVE, waits for its result on /<robot>/codeact/result, and prints
{"result": {...}, "statuses": [status codes seen for the goal, in order]} as JSON.
"""
import json
import sys
import time

import rospy
from actionlib_msgs.msg import GoalID, GoalStatusArray
from std_msgs.msg import String

args = json.loads(sys.stdin.read())
robot = args["robot"]
goal = args["goal"]
cancel_after = args.get("cancel_after_active_s")
gid = goal["goal_id"]

rospy.init_node("goal_client", anonymous=True, disable_signals=True)
state = {"result": None, "statuses": [], "status_messages": 0}


def on_result(msg):
    data = json.loads(msg.data)
    if data.get("goal_id") == gid:
        state["result"] = data


def on_status(msg):
    state["status_messages"] += 1
    for s in msg.status_list:
        if s.goal_id.id == gid and (not state["statuses"] or state["statuses"][-1] != s.status):
            state["statuses"].append(s.status)


def wait(condition, seconds, what):
    deadline = time.time() + seconds
    while not condition():
        if time.time() > deadline:
            print(json.dumps({"error": "timed out waiting for " + what, "state": state}))
            sys.exit(1)
        time.sleep(0.02)


results = rospy.Subscriber("/%s/codeact/result" % robot, String, on_result)
rospy.Subscriber("/%s/codeact/status" % robot, GoalStatusArray, on_status)
goals = rospy.Publisher("/%s/codeact/goal" % robot, String, queue_size=10)
cancels = rospy.Publisher("/%s/codeact/cancel" % robot, GoalID, queue_size=10)
wait(lambda: goals.get_num_connections() > 0 and cancels.get_num_connections() > 0
     and results.get_num_connections() > 0 and state["status_messages"] > 0, 30, "connections to the node")

goals.publish(String(data=json.dumps(goal)))
if cancel_after is not None:
    wait(lambda: 1 in state["statuses"], 60, "the goal to become ACTIVE")
    time.sleep(cancel_after)
    cancels.publish(GoalID(id=gid))
wait(lambda: state["result"] is not None, 90, "the result")
time.sleep(0.6)  # the terminal status follows the result
print(json.dumps({"result": state["result"], "statuses": state["statuses"]}))
rospy.signal_shutdown("done")

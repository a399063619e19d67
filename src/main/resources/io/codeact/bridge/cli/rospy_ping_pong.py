# The rospy anchor of `codeact bench ros`: a Float64 ping-pong through TCPROS, measured by rospy itself.
#   pong PING PONG                 republish each Float64 from PING on PONG; prints "READY"
#   ping PING PONG COUNT WARMUP    COUNT timed round trips after WARMUP untimed ones; prints {"rtt_ms": [...]}
# Run with Debian's /usr/bin/python3 (rospy); ROS_MASTER_URI says which master.
import json
import sys
import threading
import time

import rospy
from std_msgs.msg import Float64


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def pong(ping_topic, pong_topic):
    rospy.init_node("codeact_bench_rospy_pong", anonymous=True)
    pub = rospy.Publisher(pong_topic, Float64, queue_size=10, tcp_nodelay=True)
    rospy.Subscriber(ping_topic, Float64, pub.publish, tcp_nodelay=True)
    emit("READY")
    rospy.spin()


def ping(ping_topic, pong_topic, count, warmup):
    rospy.init_node("codeact_bench_rospy_ping", anonymous=True)
    answered = threading.Event()
    pub = rospy.Publisher(ping_topic, Float64, queue_size=10, tcp_nodelay=True)
    rospy.Subscriber(pong_topic, Float64, lambda m: answered.set(), tcp_nodelay=True)
    # rospy counts a subscriber connection before its handshake is done, so ping until a pong comes back
    deadline = time.time() + 20
    while True:
        answered.clear()
        if pub.get_num_connections() > 0:
            pub.publish(Float64(-1.0))
            if answered.wait(0.1):
                break
        else:
            time.sleep(0.01)
        if time.time() > deadline:
            emit({"error": "no pong came back within 20 s: the ping and pong nodes did not connect"})
            return
    time.sleep(0.2)  # let any late pong of the handshake arrive before timing starts
    rtts = []
    for i in range(warmup + count):
        answered.clear()
        start = time.perf_counter()
        pub.publish(Float64(float(i)))
        if not answered.wait(5):
            emit({"error": "no pong within 5 s for ping %d" % i})
            return
        if i >= warmup:
            rtts.append((time.perf_counter() - start) * 1000.0)
    emit({"rtt_ms": rtts})


if __name__ == "__main__":
    if sys.argv[1] == "pong":
        pong(sys.argv[2], sys.argv[3])
    else:
        ping(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))

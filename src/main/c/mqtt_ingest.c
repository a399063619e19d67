/*
 * mqtt_ingest: the libmosquitto anchor of `codeact bench mqtt`'s ingest figure.
 *
 * Publishes N JSON telemetry messages (QoS 0, MQTT 5) shaped as MqttBench's -- {"x":…,"y":…,"seq":i} on
 * PREFIX/r<i%100>/base/state -- from one client, and (mode "both") counts them on a second client
 * subscribed to PREFIX/+/base/state, both on libmosquitto's own network threads. Prints the receiving
 * rate from the first to the last arrival, as MqttBench counts ours. Mode "pub" only publishes (a fast
 * publisher for measuring a receiver alone).
 *
 *   mqtt_ingest HOST PORT N PREFIX both|pub   ->   {"msgs_per_s":123456,"received":N}
 *
 * Build: gcc -O2 -o mqtt_ingest mqtt_ingest.c -lmosquitto -lpthread
 */
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static long received = 0;
static int subscribed = 0;
static struct timespec first, last;

static double seconds(struct timespec a, struct timespec b) {
    return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static void on_message(struct mosquitto *m, void *u, const struct mosquitto_message *msg) {
    (void)m; (void)u; (void)msg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&lock);
    if (received == 0) {
        first = now;
    }
    last = now;
    received++;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

static void on_subscribe(struct mosquitto *m, void *u, int mid, int n, const int *granted) {
    (void)m; (void)u; (void)mid; (void)n; (void)granted;
    pthread_mutex_lock(&lock);
    subscribed = 1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

static struct mosquitto *client(const char *host, int port) {
    struct mosquitto *m = mosquitto_new(NULL, true, NULL);
    if (m == NULL) {
        fprintf(stderr, "mosquitto_new failed\n");
        exit(2);
    }
    mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    if (mosquitto_connect(m, host, port, 30) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, "cannot connect to %s:%d\n", host, port);
        exit(2);
    }
    mosquitto_loop_start(m);
    return m;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: mqtt_ingest HOST PORT N PREFIX both|pub\n");
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]);
    long n = atol(argv[3]);
    const char *prefix = argv[4];
    int count = strcmp(argv[5], "both") == 0;
    mosquitto_lib_init();
    struct mosquitto *sub = NULL;
    if (count) {
        sub = client(host, port);
        mosquitto_message_callback_set(sub, on_message);
        mosquitto_subscribe_callback_set(sub, on_subscribe);
        char filter[256];
        snprintf(filter, sizeof filter, "%s/+/base/state", prefix);
        mosquitto_subscribe(sub, NULL, filter, 0);
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 10;
        pthread_mutex_lock(&lock);
        while (!subscribed) {
            if (pthread_cond_timedwait(&changed, &lock, &deadline) != 0) {
                fprintf(stderr, "no SUBACK within 10 s\n");
                return 2;
            }
        }
        pthread_mutex_unlock(&lock);
    }
    struct mosquitto *pub = client(host, port);
    char topic[256];
    char payload[128];
    for (long i = 0; i < n; i++) {
        snprintf(topic, sizeof topic, "%s/r%ld/base/state", prefix, i % 100);
        int len = snprintf(payload, sizeof payload, "{\"x\":%g,\"y\":%g,\"seq\":%ld}", i * 0.001, i * 0.002, i);
        int rc;
        while ((rc = mosquitto_publish(pub, NULL, topic, len, payload, 0, false)) == MOSQ_ERR_NOMEM) {
            usleep(100);
        }
        if (rc != MOSQ_ERR_SUCCESS) {
            fprintf(stderr, "publish %ld failed: %s\n", i, mosquitto_strerror(rc));
            return 2;
        }
    }
    mosquitto_disconnect(pub);
    mosquitto_loop_stop(pub, false);
    if (!count) {
        printf("{\"published\":%ld}\n", n);
        return 0;
    }
    /* QoS 0 may be dropped under load: stop when all arrived or nothing came for 2 s. */
    pthread_mutex_lock(&lock);
    long seen = -1;
    while (received < n && received != seen) {
        seen = received;
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 2;
        while (received < n && pthread_cond_timedwait(&changed, &lock, &deadline) == 0) {
        }
    }
    long got = received;
    double s = seconds(first, last);
    pthread_mutex_unlock(&lock);
    mosquitto_disconnect(sub);
    mosquitto_loop_stop(sub, false);
    mosquitto_lib_cleanup();
    printf("{\"msgs_per_s\":%.0f,\"received\":%ld}\n", got < 2 || s <= 0 ? 0.0 : (got - 1) / s, got);
    return 0;
}

/*
 * mqtt_rtt: the libmosquitto anchor of `codeact bench mqtt`.
 *
 * One client subscribes to a topic and publishes to it: QoS 0, a 64-byte payload, timed from the
 * publish call to the delivery callback, one message in flight at a time -- the same measurement
 * MqttBench makes with our Paho-based transport, through the same broker in the same run.
 * Uses MQTT 5 and libmosquitto's own network thread (as Paho has its own).
 *
 *   mqtt_rtt HOST PORT WARMUP SAMPLES   ->   {"p50_ms":0.123,"p99_ms":0.456,"samples":N}
 *
 * Build: gcc -O2 -o mqtt_rtt mqtt_rtt.c -lmosquitto -lpthread
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
static pthread_cond_t arrived = PTHREAD_COND_INITIALIZER;
static pthread_cond_t subscribed = PTHREAD_COND_INITIALIZER;
static int got_message = 0;
static int got_suback = 0;
static struct timespec arrival;

static void on_message(struct mosquitto *m, void *u, const struct mosquitto_message *msg) {
    (void)m; (void)u; (void)msg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&lock);
    arrival = now;
    got_message = 1;
    pthread_cond_signal(&arrived);
    pthread_mutex_unlock(&lock);
}

static void on_subscribe(struct mosquitto *m, void *u, int mid, int qos_count, const int *granted) {
    (void)m; (void)u; (void)mid; (void)qos_count; (void)granted;
    pthread_mutex_lock(&lock);
    got_suback = 1;
    pthread_cond_signal(&subscribed);
    pthread_mutex_unlock(&lock);
}

static int wait_for(pthread_cond_t *cond, int *flag, int seconds) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += seconds;
    pthread_mutex_lock(&lock);
    while (!*flag) {
        if (pthread_cond_timedwait(cond, &lock, &deadline) != 0) {
            pthread_mutex_unlock(&lock);
            return 0;
        }
    }
    *flag = 0;
    pthread_mutex_unlock(&lock);
    return 1;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: mqtt_rtt HOST PORT WARMUP SAMPLES\n");
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]);
    int warmup = atoi(argv[3]);
    int samples = atoi(argv[4]);
    if (port <= 0 || warmup < 0 || samples <= 0 || samples > 10000000) {
        fprintf(stderr, "mqtt_rtt: bad PORT, WARMUP or SAMPLES\n");
        return 2;
    }
    char topic[64];
    snprintf(topic, sizeof topic, "codeact/bench/c-rtt/%ld", (long)getpid());
    char payload[64];
    memset(payload, 'x', sizeof payload);

    mosquitto_lib_init();
    struct mosquitto *m = mosquitto_new(NULL, true, NULL);
    if (!m) {
        fprintf(stderr, "mqtt_rtt: cannot create a client\n");
        return 1;
    }
    mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    mosquitto_message_callback_set(m, on_message);
    mosquitto_subscribe_callback_set(m, on_subscribe);
    int rc = mosquitto_connect(m, host, port, 30);
    if (rc != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, "mqtt_rtt: cannot connect to %s:%d: %s\n", host, port, mosquitto_strerror(rc));
        return 1;
    }
    mosquitto_loop_start(m);
    mosquitto_subscribe(m, NULL, topic, 0);
    if (!wait_for(&subscribed, &got_suback, 10)) {
        fprintf(stderr, "mqtt_rtt: no SUBACK from %s:%d within 10 s\n", host, port);
        return 1;
    }
    double *ms = malloc(sizeof(double) * (size_t)samples);
    for (int i = 0; i < warmup + samples; i++) {
        struct timespec start;
        clock_gettime(CLOCK_MONOTONIC, &start);
        mosquitto_publish(m, NULL, topic, sizeof payload, payload, 0, false);
        if (!wait_for(&arrived, &got_message, 5)) {
            fprintf(stderr, "mqtt_rtt: message %d did not come back within 5 s\n", i);
            return 1;
        }
        if (i >= warmup) {
            ms[i - warmup] = (arrival.tv_sec - start.tv_sec) * 1e3 + (arrival.tv_nsec - start.tv_nsec) / 1e6;
        }
    }
    qsort(ms, (size_t)samples, sizeof(double), compare);
    printf("{\"p50_ms\":%.4f,\"p99_ms\":%.4f,\"samples\":%d}\n", ms[samples / 2], ms[(int)(samples * 0.99)], samples);
    mosquitto_disconnect(m);
    mosquitto_loop_stop(m, false);
    mosquitto_destroy(m);
    mosquitto_lib_cleanup();
    free(ms);
    return 0;
}

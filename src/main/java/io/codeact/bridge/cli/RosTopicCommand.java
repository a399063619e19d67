package io.codeact.bridge.cli;

import io.codeact.bridge.transport.ros.MasterClient;
import io.codeact.bridge.transport.ros.MessageType;
import io.codeact.bridge.transport.ros.PublisherOptions;
import io.codeact.bridge.transport.ros.RosNode;
import io.codeact.bridge.transport.ros.RosPublisher;
import io.codeact.bridge.transport.ros.SystemState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact ros topic}: list, echo, pub, info, hz and type, as rostopic does them. */
@Command(name = "topic", mixinStandardHelpOptions = true, description = "Topics: list, echo, pub, info, hz, type.",
        subcommands = {RosTopicCommand.ListTopics.class, RosTopicCommand.Echo.class, RosTopicCommand.Pub.class,
            RosTopicCommand.Info.class, RosTopicCommand.Hz.class, RosTopicCommand.Type.class})
final class RosTopicCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code topic} made absolute the way rostopic does it for info and type: a leading slash. */
    static String absolute(String topic) {
        return topic.startsWith("/") ? topic : "/" + topic;
    }

    /** The type the master knows for {@code topic}, or null. */
    static String typeOf(MasterClient master, String topic) {
        return master.topicTypes().get(topic);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Topics with publishers or subscribers, and their types.")
    static final class ListTopics implements Callable<Integer> {
        @Mixin
        RosConnection ros;

        @Override
        public Integer call() {
            MasterClient master = ros.masterClient("topic_list");
            SystemState state = master.systemState();
            Map<String, String> types = master.topicTypes();
            PrintWriter out = ros.out();
            for (String topic : state.topics()) {
                if (ros.json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("topic", topic);
                    row.put("type", types.getOrDefault(topic, null));
                    row.put("publishers", state.publishers().getOrDefault(topic, List.of()));
                    row.put("subscribers", state.subscribers().getOrDefault(topic, List.of()));
                    out.println(RosText.toJson(row));
                } else {
                    out.println(topic);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "echo", mixinStandardHelpOptions = true, description = "Print the messages of a topic (Ctrl-C to stop).")
    static final class Echo implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;
        @Option(names = {"-n", "--count"}, paramLabel = "N", description = "stop after N messages")
        int count;
        @Option(names = "--type", paramLabel = "TYPE", description = "message type (default: the publisher's)")
        String type;
        @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up (exit 1) if the messages have not come by then")
        double timeout;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = ros.out();
            RosText text = ros.text();
            CountDownLatch enough = new CountDownLatch(count > 0 ? count : Integer.MAX_VALUE);
            AtomicInteger printed = new AtomicInteger();
            try (RosNode node = ros.node("topic_echo")) {
                MessageType messageType = type != null ? node.types().message(type)
                        : node.types().findMessage(String.valueOf(typeOf(node.master(), node.resolve(topic)))).orElse(null);
                node.subscribe(topic, messageType, message -> {
                    if (count > 0 && printed.get() >= count) {
                        return;
                    }
                    printed.incrementAndGet();
                    out.println(text.format(message));
                    if (!text.json()) {
                        out.println("---");
                    }
                    out.flush();
                    enough.countDown();
                });
                Runtime.getRuntime().addShutdownHook(new Thread(node::close));
                boolean done = timeout > 0 ? enough.await((long) (timeout * 1000), TimeUnit.MILLISECONDS) : await(enough);
                if (!done) {
                    return ros.fail("codeact ros topic echo: %d of %s messages on %s within %s s%n",
                            printed.get(), count > 0 ? count : "any", node.resolve(topic), timeout);
                }
            }
            return ExitCodes.OK;
        }
    }

    static boolean await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }

    @Command(name = "pub", mixinStandardHelpOptions = true,
            description = {"Publish a message given as YAML or JSON, e.g.", "  codeact ros topic pub /cmd_vel geometry_msgs/Twist '{linear: {x: 0.2}}' --once"})
    static final class Pub implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;
        @Parameters(index = "1", paramLabel = "TYPE")
        String type;
        @Parameters(index = "2", paramLabel = "FIELDS", defaultValue = "{}", description = "message fields as YAML/JSON (default: all zero)")
        String fields;
        @Option(names = {"-1", "--once"}, description = "publish once (latched), wait for subscribers for --wait seconds, exit")
        boolean once;
        @Option(names = {"-r", "--rate"}, paramLabel = "HZ", description = "publish repeatedly at this rate (default 1 unless --once)")
        double rate = 1;
        @Option(names = "--count", paramLabel = "N", description = "with --rate: stop after N messages")
        int count;
        @Option(names = "--wait", paramLabel = "SECONDS", description = "with --once: how long to wait for subscribers (default 3)")
        double waitSeconds = 3;
        @Option(names = {"-l", "--latch"}, description = "latch the topic")
        boolean latch;

        @Override
        public Integer call() throws Exception {
            Map<String, ?> message = ros.fields(fields, "FIELDS", "{data: hello}");
            try (RosNode node = ros.node("topic_pub")) {
                PublisherOptions options = once || latch ? PublisherOptions.DEFAULT.latched() : PublisherOptions.DEFAULT;
                RosPublisher pub = node.advertise(topic, type, options);
                if (once) {
                    pub.publish(message);
                    pub.awaitSubscribers(1, Duration.ofMillis((long) (waitSeconds * 1000)));
                    pub.flush(Duration.ofSeconds(2));
                    ros.err().printf("published to %s (%d subscriber%s)%n", pub.topic(),
                            pub.subscriberCount(), pub.subscriberCount() == 1 ? "" : "s");
                    return ExitCodes.OK;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(node::close));
                long periodNanos = (long) (1e9 / Math.max(rate, 1e-3));
                long next = System.nanoTime();
                for (int i = 0; count == 0 || i < count; i++) {
                    pub.publish(message);
                    next += periodNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep); // pacing the publish rate, not waiting for an event
                    }
                }
                pub.flush(Duration.ofSeconds(2));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "A topic's type, publishers and subscribers.")
    static final class Info implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Override
        public Integer call() {
            MasterClient master = ros.masterClient("topic_info");
            String resolved = absolute(topic);
            SystemState state = master.systemState();
            String type = typeOf(master, resolved);
            if (type == null && !state.topics().contains(resolved)) {
                return ros.fail("codeact ros topic info: unknown topic %s (see codeact ros topic list)%n", resolved);
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("topic", resolved);
            info.put("type", type);
            info.put("publishers", nodes(master, state.publishers().getOrDefault(resolved, List.of())));
            info.put("subscribers", nodes(master, state.subscribers().getOrDefault(resolved, List.of())));
            PrintWriter out = ros.out();
            if (ros.json) {
                out.println(RosText.toJson(info));
                return ExitCodes.OK;
            }
            out.println("Type: " + type);
            out.println();
            section(out, "Publishers", info.get("publishers"));
            section(out, "Subscribers", info.get("subscribers"));
            return ExitCodes.OK;
        }

        private static List<Map<String, String>> nodes(MasterClient master, List<String> names) {
            List<Map<String, String>> out = new ArrayList<>();
            for (String name : names) {
                String uri;
                try {
                    uri = master.lookupNode(name);
                } catch (RuntimeException e) {
                    uri = "unknown";
                }
                out.add(Map.of("node", name, "uri", uri));
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private static void section(PrintWriter out, String title, Object rows) {
            List<Map<String, String>> list = (List<Map<String, String>>) rows;
            out.println(title + ":" + (list.isEmpty() ? " None" : ""));
            for (Map<String, String> row : list) {
                out.println(" * " + row.get("node") + " (" + row.get("uri") + ")");
            }
            out.println();
        }
    }

    @Command(name = "type", mixinStandardHelpOptions = true, description = "A topic's message type.")
    static final class Type implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Override
        public Integer call() {
            String resolved = absolute(topic);
            String type = typeOf(ros.masterClient("topic_type"), resolved);
            if (type == null) {
                return ros.fail("codeact ros topic type: unknown topic %s%n", resolved);
            }
            ros.out().println(ros.json ? RosText.toJson(Map.of("topic", resolved, "type", type)) : type);
            return ExitCodes.OK;
        }
    }

    @Command(name = "hz", mixinStandardHelpOptions = true, description = "The publishing rate of a topic, printed every second.")
    static final class Hz implements Callable<Integer> {
        @Mixin
        RosConnection ros;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;
        @Option(names = {"-w", "--window"}, paramLabel = "N", description = "rate over the last N messages (default 100)")
        int window = 100;
        @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long and print the last figures")
        double duration;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = ros.out();
            RateWindow rates = new RateWindow(window);
            try (RosNode node = ros.node("topic_hz")) {
                node.subscribe(topic, (MessageType) null, message -> rates.tick(System.nanoTime()));
                Runtime.getRuntime().addShutdownHook(new Thread(node::close));
                long end = duration > 0 ? System.nanoTime() + (long) (duration * 1e9) : Long.MAX_VALUE;
                while (System.nanoTime() < end) {
                    TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                    RateWindow.Stats s = rates.stats();
                    if (duration > 0 && System.nanoTime() < end) {
                        continue; // scripted run: print only the final figures
                    }
                    print(out, node.resolve(topic), s);
                }
                return rates.stats() == null ? ExitCodes.FAILURE : ExitCodes.OK;
            }
        }

        private void print(PrintWriter out, String resolved, RateWindow.Stats s) {
            if (ros.json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("topic", resolved);
                row.put("rate_hz", s == null ? null : s.rateHz());
                row.put("min_s", s == null ? null : s.min());
                row.put("max_s", s == null ? null : s.max());
                row.put("std_dev_s", s == null ? null : s.stdDev());
                row.put("window", s == null ? 0 : s.window());
                out.println(RosText.toJson(row));
            } else if (s == null) {
                out.println("no new messages");
            } else {
                out.printf("average rate: %.3f%n\tmin: %.3fs max: %.3fs std dev: %.5fs window: %d%n",
                        s.rateHz(), s.min(), s.max(), s.stdDev(), s.window());
            }
            out.flush();
        }
    }
}

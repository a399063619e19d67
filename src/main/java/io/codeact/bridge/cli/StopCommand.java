package io.codeact.bridge.cli;

import io.codeact.bridge.safety.ControlServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact stop}: the emergency stop of every controller on this machine. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Emergency stop: every running controller on this machine halts all actuators at once and "
                + "refuses motion until a person resumes it (codeact resume --by NAME).",
                "Reaches controllers through their sockets in $CODEACT_RUN_DIR (default ~/.codeact/run). Devices on a "
                        + "broker also listen on codeact/stop: `codeact mqtt pub codeact/stop operator`."})
final class StopCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--by", paramLabel = "NAME", description = "who stops (default: your user name)")
    String by;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = by != null ? by : System.getProperty("user.name", "operator") + " (codeact stop)";
        List<String> replies = ControlServer.sendAll(ControlServer.runDir(), "stop " + who);
        replies.forEach(out::println);
        if (replies.isEmpty()) {
            err.println("codeact stop: no running controller found in " + ControlServer.runDir()
                    + ". Devices on a broker: codeact mqtt pub codeact/stop '" + who + "'");
            return ExitCodes.FAILURE;
        }
        return replies.stream().allMatch(r -> r.startsWith("ok")) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}

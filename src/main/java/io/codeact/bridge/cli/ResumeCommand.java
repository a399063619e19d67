package io.codeact.bridge.cli;

import io.codeact.bridge.safety.ControlServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeact resume --by NAME}: a person lifts an emergency stop. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Lift an emergency stop on every controller on this machine. Only a person resumes: name yourself.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--by", paramLabel = "NAME", required = true, description = "the person who resumes, for the record")
    String by;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (by.isBlank()) {
            err.println("codeact resume: --by needs your name");
            return ExitCodes.USAGE;
        }
        List<String> replies = ControlServer.sendAll(ControlServer.runDir(), "resume " + by.strip());
        replies.forEach(out::println);
        if (replies.isEmpty()) {
            err.println("codeact resume: no running controller found in " + ControlServer.runDir());
            return ExitCodes.FAILURE;
        }
        return replies.stream().allMatch(r -> r.startsWith("ok")) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}

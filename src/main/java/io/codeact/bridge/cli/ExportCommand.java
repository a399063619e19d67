package io.codeact.bridge.cli;

import io.codeact.bridge.agent.ChatExporter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeact export}: successful episodes as fine-tuning data (the paper's CodeActInstruct idea). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write successful episodes as fine-tuning data in the OpenAI chat format (one JSON object per line).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "episode logs (.jsonl)")
    List<Path> files;

    @Option(names = "--format", defaultValue = "chat-jsonl", description = "chat-jsonl (the only format)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Option(names = "--include-unchecked", description = "also export solved episodes whose task had no success check")
    boolean includeUnchecked;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("chat-jsonl")) {
            err.println("codeact export: unknown --format '" + format + "'; the only format is chat-jsonl");
            return ExitCodes.USAGE;
        }
        ChatExporter exporter = includeUnchecked ? new ChatExporter().includingUnchecked() : new ChatExporter();
        ChatExporter.Report report;
        try (Writer w = output == null
                ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            report = exporter.export(files, w);
        }
        err.printf("codeact export: %d episode(s) exported%n", report.exported());
        report.skipped().forEach(s -> err.println("  skipped: " + s));
        return ExitCodes.OK;
    }
}

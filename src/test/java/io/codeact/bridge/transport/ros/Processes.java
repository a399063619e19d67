package io.codeact.bridge.transport.ros;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ending child processes and everything they started. */
public final class Processes {
    private Processes() {
    }

    /** Kills {@code process} and its descendants (collected first, so none is orphaned), waiting up to 5 s. */
    public static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            for (ProcessHandle p : tree) {
                p.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // best effort: a process that refuses to die is reported by the OS, not by a test
        }
    }
}

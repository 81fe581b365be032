package dev.castmesh.agent.it;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping a test process together with what it started. Needed for {@link RunAs}: {@code runuser} forwards
 * SIGTERM to its child but a SIGKILL ends only {@code runuser} itself, which would leave the real process running.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    /** SIGKILL to the process and all its descendants (found before any of them dies); waits up to 10 s. */
    static boolean kill(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean ended = process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                ended = false;
            }
        }
        return ended;
    }

    /** SIGTERM (which runuser forwards), then {@link #kill} if the process has not ended after {@code graceSeconds}. */
    static void stop(Process process, int graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

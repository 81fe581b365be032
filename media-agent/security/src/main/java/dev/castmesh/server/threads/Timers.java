package dev.castmesh.server.threads;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Single-thread schedulers for a server's periodic work, on one daemon thread each, named for thread dumps. */
public final class Timers {
    private Timers() {
    }

    /** A scheduler on one daemon thread called {@code name}; the caller shuts it down. */
    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}

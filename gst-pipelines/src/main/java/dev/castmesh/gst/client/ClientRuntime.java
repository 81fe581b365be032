package dev.castmesh.gst.client;

import dev.castmesh.gst.runtime.GstRuntime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads shared by all clients of the process (daemon threads, created on first use). */
final class ClientRuntime {
    private static ExecutorService pool;
    private static ScheduledExecutorService scheduler;

    private ClientRuntime() {
    }

    static synchronized ExecutorService pool() {
        if (pool == null) {
            GstRuntime.ensureStarted();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newCachedThreadPool(r -> daemon(r, "castmesh-client-" + n.incrementAndGet()));
        }
        return pool;
    }

    static synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "castmesh-client-timer"));
        }
        return scheduler;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

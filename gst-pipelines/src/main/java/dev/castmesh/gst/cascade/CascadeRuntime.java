package dev.castmesh.gst.cascade;

import dev.castmesh.gst.runtime.GstRuntime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads shared by every cascade bridge of the process (daemon threads, created on first use). */
final class CascadeRuntime {
    private static ExecutorService pool;
    private static ScheduledExecutorService scheduler;

    private CascadeRuntime() {
    }

    static synchronized ExecutorService pool() {
        if (pool == null) {
            GstRuntime.ensureStarted();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newCachedThreadPool(r -> daemon(r, "castmesh-cascade-" + n.incrementAndGet()));
        }
        return pool;
    }

    static synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "castmesh-cascade-timer"));
        }
        return scheduler;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

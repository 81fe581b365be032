package dev.castmesh.gst.bench;

import dev.castmesh.gst.runtime.SerialExecutor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The load generator's shared threads: a pool for the peers' serial executors and one timer. */
final class BenchRuntime {
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> daemon(r, "bench-worker"));
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-timer"));

    private BenchRuntime() {
    }

    static SerialExecutor executor(String name) {
        return new SerialExecutor(name, POOL);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}

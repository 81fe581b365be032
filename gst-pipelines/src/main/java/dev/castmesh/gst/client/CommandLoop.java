package dev.castmesh.gst.client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What both CLI commands share: exit codes, one-line error messages, a once-a-second progress loop and
 * a clean stop on Ctrl-C (the shutdown hook waits for the session to be deleted).
 */
final class CommandLoop {
    static final int OK = 0;
    static final int HTTP_ERROR = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;
    private static final Duration HOOK_WAIT = Duration.ofSeconds(5);

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private Thread hook;

    /** Registers the Ctrl-C handler; call {@link #finished()} once the session is closed. */
    void installShutdownHook() {
        hook = new Thread(() -> {
            interrupted.set(true);
            try {
                cleanedUp.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "castmesh-cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void finished() {
        cleanedUp.countDown();
        if (hook != null && !interrupted.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    /**
     * Calls {@code tick} about once a second until the duration elapsed, Ctrl-C, or {@code done}.
     *
     * @return the elapsed time
     */
    Duration run(Optional<Duration> duration, BooleanSupplier done, LongConsumer tick)
            throws InterruptedException {
        long start = System.nanoTime();
        long next = start + 1_000_000_000L;
        while (!interrupted.get() && !done.getAsBoolean()) {
            long now = System.nanoTime();
            if (duration.isPresent() && now - start >= duration.get().toNanos()) {
                break;
            }
            if (now >= next) {
                tick.accept((now - start) / 1_000_000_000L);
                next += 1_000_000_000L;
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Prints the mistake and the usage; returns {@link #USAGE}. */
    static int usage(IllegalArgumentException e, String usage, PrintStream err) {
        err.println("error: " + e.getMessage());
        err.println(usage);
        return USAGE;
    }

    /** The exit code once a session ran: {@link #FAILURE} with one line when its media pipeline failed. */
    static int result(Optional<String> pipelineError, PrintStream err) {
        if (pipelineError.isPresent()) {
            err.println("error: media pipeline failed: " + pipelineError.get());
            return FAILURE;
        }
        return OK;
    }

    /** Maps a failure to an exit code and prints one line. */
    static int report(Exception e, PrintStream err) {
        if (e instanceof HttpStatusException http) {
            err.println("error: " + http.getMessage());
            return HTTP_ERROR;
        }
        if (e instanceof ConnectException) {
            err.println("error: cannot connect to the server");
            return FAILURE;
        }
        if (e instanceof HttpTimeoutException) {
            err.println("error: the server did not answer in time");
            return FAILURE;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return FAILURE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("error: " + (e instanceof IOException ? message : "unexpected failure: " + message));
        return FAILURE;
    }

    static String kbps(long bytes, Duration over) {
        long ms = Math.max(1, over.toMillis());
        return (bytes * 8 / ms) + " kbit/s";
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}

package dev.castmesh.gst.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call into GStreamer that may block (a state change to NULL, a webrtcbin property or signal that
 * takes webrtcbin's PC lock) on a pool thread and waits for it at most a bounded time. An owner's serial
 * executor uses this so that one wedged element can never stall the owner: past the bound it goes on, and
 * the call finishes (or stays blocked) on its own thread.
 */
public final class Bounded {
    private static final Logger LOG = LoggerFactory.getLogger(Bounded.class);

    private Bounded() {
    }

    /** @return true if {@code action} completed within {@code wait} */
    public static boolean run(Executor pool, Duration wait, String what, Runnable action) {
        CompletableFuture<Void> call = CompletableFuture.runAsync(action, pool);
        try {
            call.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warn("{}: still blocked after {} ms, going on without it", what, wait.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            LOG.debug("{} failed: {}", what, e.getCause().toString());
            return true;
        }
    }
}

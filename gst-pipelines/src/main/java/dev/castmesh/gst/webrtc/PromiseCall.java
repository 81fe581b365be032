package dev.castmesh.gst.webrtc;

import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Promise;
import org.freedesktop.gstreamer.PromiseResult;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.lowlevel.GstAPI;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.freedesktop.gstreamer.lowlevel.GstPromiseAPI.GSTPROMISE_API;

/**
 * One GstPromise with its change callback, both held strongly by this object (gst1-java-core's own
 * {@code Promise(PROMISE_CHANGE)} leaves the JNA callback unreferenced, so a GC can lose it). The
 * owner keeps the call referenced until {@link #result()} completes.
 *
 * <p>The reply function runs on webrtcbin's thread while the reply is alive: it must only copy data
 * out of the structure (never block, never keep the structure).
 */
final class PromiseCall<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Function<Structure, T> onReply;
    private final GstAPI.GstCallback callback;
    private final Promise promise;

    /** @param onReply receives the reply structure, or null when the promise was replied without one */
    PromiseCall(Function<Structure, T> onReply) {
        this.onReply = onReply;
        this.callback = new GstAPI.GstCallback() {
            @SuppressWarnings("unused")
            public void callback(Pointer promisePointer, Pointer userData) {
                changed();
            }
        };
        Pointer ptr = GSTPROMISE_API.ptr_gst_promise_new_with_change_func(callback, null, null);
        this.promise = Natives.objectFor(ptr, Promise.class, false, true);
    }

    Promise promise() {
        return promise;
    }

    CompletableFuture<T> result() {
        return result;
    }

    /** Gives up waiting: the callback fires with INTERRUPTED and the result fails. */
    void interrupt() {
        if (!result.isDone()) {
            promise.interrupt();
            result.completeExceptionally(new NegotiationException(NegotiationException.Step.CLOSED, "interrupted"));
        }
    }

    private void changed() {
        try {
            PromiseResult state = promise.waitResult();
            if (state != PromiseResult.REPLIED) {
                result.completeExceptionally(new NegotiationException(NegotiationException.Step.CLOSED,
                        "promise " + state));
                return;
            }
            Pointer reply = GSTPROMISE_API.ptr_gst_promise_get_reply(promise);
            Structure structure = reply == null ? null : Natives.objectFor(reply, Structure.class, false, false);
            result.complete(onReply.apply(structure));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }
}

package dev.castmesh.controlplane.signaling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap: a declared {@code Content-Length} over it fails at once, a body
 * that grows over it fails as soon as it does (the subscription is cancelled, so the connection is dropped instead
 * of being drained). Either way the future fails with {@link TooLarge}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The reply was bigger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("answer over " + limit + " bytes", null);
        }
    }

    private final long limit;
    private final boolean refuse;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long limit, boolean refuse) {
        this.limit = limit;
        this.refuse = refuse;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(0) > limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (refuse) {
            fail();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                fail();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    private void fail() {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(limit));
    }
}

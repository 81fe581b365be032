package dev.castmesh.gst.bench;

import dev.castmesh.gst.client.SdpExchange;

import java.io.IOException;

/** An {@link SdpExchange} that notes when the offer is sent and when the answer is back (System.nanoTime). */
final class TimedExchange implements SdpExchange {
    private final SdpExchange inner;
    private volatile long sentAt;
    private volatile long answeredAt;

    TimedExchange(SdpExchange inner) {
        this.inner = inner;
    }

    @Override
    public String exchange(String offerSdp) throws IOException, InterruptedException {
        sentAt = System.nanoTime();
        String answer = inner.exchange(offerSdp);
        answeredAt = System.nanoTime();
        return answer;
    }

    @Override
    public void terminate() {
        inner.terminate();
    }

    long sentAt() {
        return sentAt;
    }

    /** Nanoseconds from POST to the 201 answer. */
    long answerNanos() {
        return answeredAt - sentAt;
    }
}

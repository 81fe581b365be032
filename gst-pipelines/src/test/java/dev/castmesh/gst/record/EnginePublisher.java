package dev.castmesh.gst.record;

import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A WHIP publisher whose offer goes straight into the engine (no HTTP). */
final class EnginePublisher implements SdpExchange {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int FPS = 30;

    private final MediaEngine engine;
    private final String stream;
    private volatile String sessionId;

    private EnginePublisher(MediaEngine engine, String stream) {
        this.engine = engine;
        this.stream = stream;
    }

    /** 320x240 at 30 fps, 300 kbit/s, key frames every 2 s unless asked: light for a 2-core machine. */
    static WhipClient publish(MediaEngine engine, String stream, VideoCodec codec) throws Exception {
        PublishSource source = PublishSource.test(codec).withVideo(320, 240, FPS, 300);
        WhipClient client = WhipClient.start(source, new EnginePublisher(engine, stream), List.of(), TIMEOUT);
        assertTrue(client.awaitConnected(TIMEOUT), "publisher connected");
        return client;
    }

    @Override
    public String exchange(String offerSdp) {
        SessionAnswer answer = engine.publish(stream, offerSdp);
        sessionId = answer.sessionId();
        return answer.sdp();
    }

    @Override
    public void terminate() {
        String id = sessionId;
        if (id != null) {
            engine.endSession(stream, id);
        }
    }
}

package dev.castmesh.gst.it;

import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;

/** Swaps WHIP/WHEP over HTTP for a direct call into the engine. */
final class EngineExchange implements SdpExchange {
    private final MediaEngine engine;
    private final String stream;
    private final boolean publish;
    private volatile String sessionId;

    private EngineExchange(MediaEngine engine, String stream, boolean publish) {
        this.engine = engine;
        this.stream = stream;
        this.publish = publish;
    }

    static EngineExchange whip(MediaEngine engine, String stream) {
        return new EngineExchange(engine, stream, true);
    }

    static EngineExchange whep(MediaEngine engine, String stream) {
        return new EngineExchange(engine, stream, false);
    }

    @Override
    public String exchange(String offerSdp) {
        SessionAnswer answer = publish ? engine.publish(stream, offerSdp) : engine.subscribe(stream, offerSdp);
        sessionId = answer.sessionId();
        return answer.sdp();
    }

    String sessionId() {
        return sessionId;
    }

    @Override
    public void terminate() {
        String id = sessionId;
        if (id != null) {
            engine.endSession(stream, id);
        }
    }
}

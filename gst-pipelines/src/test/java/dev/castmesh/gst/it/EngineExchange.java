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
    private volatile boolean vanish;
    private volatile String lastOffer;
    private volatile String lastAnswer;

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
        lastOffer = offerSdp;
        SessionAnswer answer = publish ? engine.publish(stream, offerSdp) : engine.subscribe(stream, offerSdp);
        sessionId = answer.sessionId();
        lastAnswer = answer.sdp();
        return answer.sdp();
    }

    /** Makes {@link #terminate} do nothing: the client disappears without telling the server. */
    EngineExchange vanishing() {
        vanish = true;
        return this;
    }

    String lastAnswer() {
        return lastAnswer;
    }

    String lastOffer() {
        return lastOffer;
    }

    String sessionId() {
        return sessionId;
    }

    @Override
    public void terminate() {
        String id = sessionId;
        if (id != null && !vanish) {
            engine.endSession(stream, id);
        }
    }
}

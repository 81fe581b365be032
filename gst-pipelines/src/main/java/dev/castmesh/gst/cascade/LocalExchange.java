package dev.castmesh.gst.cascade;

import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;
import dev.castmesh.gst.hub.SessionRole;

/**
 * The local side of a bridge: a direct call into this agent's {@link MediaEngine} instead of HTTP. As a target it
 * publishes a cascade copy (pull); as a source it subscribes to a local stream (push).
 */
public final class LocalExchange implements SdpExchange {
    private final MediaEngine engine;
    private final String stream;
    private final String cascadeFrom;
    private final boolean publish;
    private volatile String sessionId;

    private LocalExchange(MediaEngine engine, String stream, String cascadeFrom, boolean publish) {
        this.engine = engine;
        this.stream = stream;
        this.cascadeFrom = cascadeFrom;
        this.publish = publish;
    }

    /** Target side of a pull: the bridge publishes {@code stream} here as a copy of {@code cascadeFrom}. */
    public static LocalExchange publishCopy(MediaEngine engine, String stream, String cascadeFrom) {
        return new LocalExchange(engine, stream, cascadeFrom, true);
    }

    /** Source side of a push: the bridge views the local {@code stream} in the {@link SessionRole#CASCADE_PUSH} role. */
    public static LocalExchange subscribe(MediaEngine engine, String stream) {
        return new LocalExchange(engine, stream, null, false);
    }

    /** @throws dev.castmesh.gst.errors.MediaException as the engine refuses (no stream, already published, ...) */
    @Override
    public String exchange(String offerSdp) {
        SessionAnswer answer = publish ? engine.publish(stream, offerSdp, cascadeFrom)
                : engine.subscribe(stream, offerSdp, SessionRole.CASCADE_PUSH);
        sessionId = answer.sessionId();
        return answer.sdp();
    }

    /** The engine session this exchange created, once answered. */
    public String sessionId() {
        return sessionId;
    }

    /** Ends the session; for a copy's publisher that ends the local stream and its viewers. */
    @Override
    public void terminate() {
        String id = sessionId;
        sessionId = null;
        if (id != null) {
            engine.endSession(stream, id);
        }
    }
}

package dev.castmesh.gst.client;

import java.io.IOException;

/**
 * How a client hands its offer to a server and gets the answer: over HTTP (WHIP/WHEP) or, in tests
 * and in-process cascades, by a direct call.
 */
public interface SdpExchange {

    /** Sends the offer; returns the answer SDP. */
    String exchange(String offerSdp) throws IOException, InterruptedException;

    /** Ends the remote session (HTTP DELETE of the session resource). Best effort, idempotent. */
    void terminate();
}

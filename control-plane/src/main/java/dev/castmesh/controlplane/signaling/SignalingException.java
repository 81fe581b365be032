package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.api.http.SdpBodies;
import dev.castmesh.controlplane.http.ApiException;

/** The typed refusals of WHIP/WHEP routing, each with its status and code. */
public final class SignalingException extends ApiException {
    private SignalingException(int status, String code, String message) {
        super(status, code, message);
    }

    public static SignalingException streamNotFound(String message) {
        return new SignalingException(404, "stream_not_found", message);
    }

    public static SignalingException alreadyPublished(String message) {
        return new SignalingException(409, "stream_already_published", message);
    }

    public static SignalingException alreadyExists(String message) {
        return new SignalingException(409, "stream_already_exists", message);
    }

    public static SignalingException noNodeAvailable(String message) {
        return new SignalingException(503, "no_node_available", message);
    }

    public static SignalingException sessionNotFound(String message) {
        return new SignalingException(404, "session_not_found", message);
    }

    /** 400 {@code bad_sdp}: an offer or fragment over {@link dev.castmesh.api.http.SdpBodies#MAX_BYTES}. */
    public static SignalingException sdpTooLarge(String what) {
        return new SignalingException(400, ErrorCode.BAD_SDP.wire(), SdpBodies.tooLarge(what));
    }

    public static SignalingException badGateway(String message) {
        return new SignalingException(502, "bad_gateway", message);
    }
}

package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Liveman's session state (WebRTC's RTCPeerConnectionState, lower case), from the agent's session state. */
public enum SessionState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

    /** The agent's NEGOTIATING (offer received, answer not yet applied) is WebRTC's {@code new}, as is anything unknown. */
    public static SessionState ofAgent(String state) {
        if (state == null) {
            return NEW;
        }
        return switch (state) {
            case "CONNECTING" -> CONNECTING;
            case "CONNECTED" -> CONNECTED;
            case "DISCONNECTED" -> DISCONNECTED;
            case "FAILED" -> FAILED;
            case "CLOSED" -> CLOSED;
            default -> NEW;
        };
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.castmesh.gst.sdp;

import java.util.Optional;

/** An SDP media direction attribute, seen from the side that wrote the description. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public static Optional<Direction> fromAttribute(String attribute) {
        for (Direction d : values()) {
            if (d.attribute().equals(attribute)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

package dev.castmesh.controlplane.cascade;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a cascade moves media: the target plays the source over WHEP (pull), or the source publishes to the target over WHIP (push). */
public enum CascadeMode {
    PULL, PUSH;

    /** @throws IllegalArgumentException for anything but "pull" or "push" */
    @JsonCreator
    public static CascadeMode parse(String text) {
        if ("pull".equals(text)) {
            return PULL;
        }
        if ("push".equals(text)) {
            return PUSH;
        }
        throw new IllegalArgumentException("must be \"pull\" or \"push\"");
    }

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.castmesh.api.streams;

import java.util.Optional;

/**
 * Liveman's {@code POST /session/{stream}/{session}} body: mute ({@code enabled} false) or unmute one kind of track of
 * a session. Here only a viewer's tracks can be switched (what the publisher sends stops reaching that viewer).
 *
 * @param kind    {@code "audio"} or {@code "video"}
 * @param enabled whether the track flows
 */
public record TrackSwitch(String kind, Boolean enabled) {
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";

    /** What is wrong with the body, naming the field; empty when it is valid. */
    public Optional<String> problem() {
        if (!AUDIO.equals(kind) && !VIDEO.equals(kind)) {
            return Optional.of("kind: must be \"audio\" or \"video\"");
        }
        if (enabled == null) {
            return Optional.of("enabled: must be true or false");
        }
        return Optional.empty();
    }
}

package dev.castmesh.gst.sdp;

import java.util.Locale;
import java.util.Optional;

/** The kinds of media the engine forwards. */
public enum MediaKind {
    VIDEO, AUDIO;

    /** The SDP media token ({@code video}, {@code audio}). */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps an SDP {@code m=} media token; other media (application, text) have no kind. */
    public static Optional<MediaKind> fromToken(String media) {
        return switch (media.toLowerCase(Locale.ROOT)) {
            case "video" -> Optional.of(VIDEO);
            case "audio" -> Optional.of(AUDIO);
            default -> Optional.empty();
        };
    }
}

package dev.castmesh.storage;

import java.util.Locale;
import java.util.Map;

/**
 * The media type of a recording object, by file extension: DASH manifests {@code application/dash+xml}, media
 * segments {@code video/iso.segment} (RFC 8216bis / the DASH-IF registration), init segments {@code .mp4}
 * {@code video/mp4} (for audio-only init segments too: players take the type from the MPD's {@code mimeType}, not from
 * this header), anything else {@code application/octet-stream}.
 */
public final class ContentTypes {
    public static final String OCTET_STREAM = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mpd", "application/dash+xml",
            "m4s", "video/iso.segment",
            "mp4", "video/mp4",
            "m4v", "video/mp4",
            "m4a", "audio/mp4",
            "webm", "video/webm",
            "json", "application/json");

    private ContentTypes() {
    }

    public static String of(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        if (dot <= slash + 1) {
            return OCTET_STREAM;
        }
        return BY_EXTENSION.getOrDefault(key.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }
}

package dev.castmesh.gst.client;

import java.util.Locale;

/** The video codecs the clients encode or accept. */
public enum VideoCodec {
    VP8, H264;

    /** Parses {@code vp8} or {@code h264} (case-insensitive). */
    public static VideoCodec parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "vp8" -> VP8;
            case "h264", "h.264", "avc" -> H264;
            default -> throw new IllegalArgumentException("unknown codec '" + value + "' (expected vp8 or h264)");
        };
    }
}

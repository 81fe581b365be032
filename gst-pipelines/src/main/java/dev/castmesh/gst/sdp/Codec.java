package dev.castmesh.gst.sdp;

import java.util.Locale;
import java.util.Optional;

/** The codecs the engine forwards, with the GStreamer elements that (re)packetize them. */
public enum Codec {
    VP8(MediaKind.VIDEO, "VP8", 90000, "", "rtpvp8depay", "rtpvp8pay"),
    H264(MediaKind.VIDEO, "H264", 90000, "", "rtph264depay", "rtph264pay"),
    OPUS(MediaKind.AUDIO, "OPUS", 48000, "2", "rtpopusdepay", "rtpopuspay");

    private final MediaKind kind;
    private final String encodingName;
    private final int clockRate;
    private final String encodingParams;
    private final String depayloader;
    private final String payloader;

    Codec(MediaKind kind, String encodingName, int clockRate, String encodingParams,
          String depayloader, String payloader) {
        this.kind = kind;
        this.encodingName = encodingName;
        this.clockRate = clockRate;
        this.encodingParams = encodingParams;
        this.depayloader = depayloader;
        this.payloader = payloader;
    }

    public MediaKind kind() {
        return kind;
    }

    public String encodingName() {
        return encodingName;
    }

    public int clockRate() {
        return clockRate;
    }

    /** rtpmap style label, e.g. {@code OPUS/48000/2}. */
    public String label() {
        return encodingParams.isEmpty() ? encodingName + "/" + clockRate
                : encodingName + "/" + clockRate + "/" + encodingParams;
    }

    public String depayloader() {
        return depayloader;
    }

    public String payloader() {
        return payloader;
    }

    static Optional<Codec> of(String encodingName, int clockRate) {
        String name = encodingName.toUpperCase(Locale.ROOT);
        for (Codec c : values()) {
            if (c.encodingName.equals(name) && c.clockRate == clockRate) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

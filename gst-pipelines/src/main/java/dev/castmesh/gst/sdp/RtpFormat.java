package dev.castmesh.gst.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One payload format of an SDP media section: its {@code a=rtpmap}, {@code a=fmtp} parameters
 * (keys lower-cased, in order) and {@code a=rtcp-fb} values.
 *
 * @param payloadType RTP payload type number (0..127)
 * @param encodingName as written in the rtpmap, e.g. {@code VP8} or {@code opus}
 * @param clockRate RTP clock rate in Hz
 * @param encodingParams the optional third rtpmap field (audio channels), empty if absent
 */
public record RtpFormat(int payloadType, String encodingName, int clockRate, String encodingParams,
                        Map<String, String> fmtp, List<String> rtcpFeedback) {

    public RtpFormat {
        fmtp = Map.copyOf(fmtp);
        rtcpFeedback = List.copyOf(rtcpFeedback);
        encodingParams = encodingParams == null ? "" : encodingParams;
    }

    /** The forwardable codec this format is, if any (H.264 constraints are checked by {@link CodecPolicy}). */
    public Optional<Codec> codec() {
        return Codec.of(encodingName, clockRate);
    }

    /** rtpmap style label, e.g. {@code VP8/90000} or {@code OPUS/48000/2}. */
    public String label() {
        String base = encodingName.toUpperCase(Locale.ROOT) + "/" + clockRate;
        return encodingParams.isEmpty() ? base : base + "/" + encodingParams;
    }

    public Optional<String> fmtp(String key) {
        return Optional.ofNullable(fmtp.get(key));
    }
}

package dev.castmesh.gst.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code m=} section of a session description.
 *
 * @param index zero-based m-line index
 * @param media the media token ({@code video}, {@code audio}, {@code application}, ...)
 * @param port the m-line port (0 means rejected unless the section is {@code a=bundle-only})
 * @param mid the {@code a=mid} value, or empty
 * @param bundleOnly whether the section carries {@code a=bundle-only} (port 0 is then not a rejection)
 * @param formats the RTP formats with an rtpmap, in m-line order
 * @param extensions the section's {@code a=extmap} lines
 */
public record MediaSection(int index, String media, int port, String mid, Direction direction, boolean bundleOnly,
                           List<RtpFormat> formats, List<HeaderExtension> extensions) {

    public MediaSection {
        formats = List.copyOf(formats);
        extensions = List.copyOf(extensions);
        mid = mid == null ? "" : mid;
    }

    public Optional<MediaKind> kind() {
        return MediaKind.fromToken(media);
    }

    /** A section with port 0 that is not bundle-only was rejected by its writer. */
    public boolean rejected() {
        return port == 0 && !bundleOnly;
    }

    /** The extensions a leg negotiates, in offer order. */
    public List<HeaderExtension> extensionsKeptBy(Leg leg) {
        return extensions.stream().filter(e -> leg.keepsExtension(e.uri())).toList();
    }

    /** The RTX format ({@code rtx/…} with {@code apt=pt}) that repairs payload type {@code pt} here, if offered. */
    public OptionalInt retransmissionFor(int pt) {
        return formats.stream()
                .filter(f -> f.encodingName().equalsIgnoreCase("rtx"))
                .filter(f -> f.fmtp("apt").map(String::trim).filter(String.valueOf(pt)::equals).isPresent())
                .mapToInt(RtpFormat::payloadType).findFirst();
    }

    public Optional<RtpFormat> format(int payloadType) {
        return formats.stream().filter(f -> f.payloadType() == payloadType).findFirst();
    }
}

package dev.castmesh.gst.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One {@code m=} section of a session description.
 *
 * @param index zero-based m-line index
 * @param media the media token ({@code video}, {@code audio}, {@code application}, ...)
 * @param port the m-line port (0 means rejected unless the section is {@code a=bundle-only})
 * @param mid the {@code a=mid} value, or empty
 * @param bundleOnly whether the section carries {@code a=bundle-only} (port 0 is then not a rejection)
 * @param formats the RTP formats with an rtpmap, in m-line order
 */
public record MediaSection(int index, String media, int port, String mid, Direction direction, boolean bundleOnly,
                           List<RtpFormat> formats) {

    public MediaSection {
        formats = List.copyOf(formats);
        mid = mid == null ? "" : mid;
    }

    public Optional<MediaKind> kind() {
        return MediaKind.fromToken(media);
    }

    /** A section with port 0 that is not bundle-only was rejected by its writer. */
    public boolean rejected() {
        return port == 0 && !bundleOnly;
    }

    public Optional<RtpFormat> format(int payloadType) {
        return formats.stream().filter(f -> f.payloadType() == payloadType).findFirst();
    }
}

package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.UnsupportedCodecException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which formats the engine accepts from publishers and which it offers back to viewers. Pure. */
public final class CodecPolicy {
    /** The supported codecs as shown to clients in refusal messages. */
    public static final String SUPPORTED = "VP8/90000, H264/90000 (packetization-mode=1, constrained-baseline"
            + " or main profile), OPUS/48000/2";

    private CodecPolicy() {
    }

    /**
     * Chooses one format per media kind from a publisher's offer (the first sending section of each kind).
     *
     * @throws UnsupportedCodecException if no section has a forwardable format
     */
    public static List<PublisherTrack> planPublisher(SessionDescription offer) {
        List<PublisherTrack> tracks = new ArrayList<>();
        Set<MediaKind> seen = EnumSet.noneOf(MediaKind.class);
        for (MediaSection section : offer.media()) {
            Optional<MediaKind> kind = section.kind();
            if (kind.isEmpty() || seen.contains(kind.get()) || section.rejected() || !section.direction().sends()) {
                continue;
            }
            choosePublisherFormat(section).ifPresent(f -> {
                seen.add(kind.get());
                tracks.add(new PublisherTrack(section.index(), section.mid(), kind.get(), f.codec().orElseThrow(), f));
            });
        }
        if (tracks.isEmpty()) {
            throw new UnsupportedCodecException("the offer has no codec this server can forward; supported codecs: "
                    + SUPPORTED);
        }
        return List.copyOf(tracks);
    }

    /**
     * Chooses, per viewer section, the viewer format that can carry the published track of the same kind.
     *
     * @throws UnsupportedCodecException if the viewer can receive none of the published tracks
     */
    public static List<ViewerTrack> planViewer(String stream, List<PublisherTrack> published, SessionDescription offer) {
        List<ViewerTrack> tracks = new ArrayList<>();
        Set<MediaKind> seen = EnumSet.noneOf(MediaKind.class);
        for (MediaSection section : offer.media()) {
            Optional<MediaKind> kind = section.kind();
            if (kind.isEmpty() || seen.contains(kind.get()) || section.rejected() || !section.direction().receives()) {
                continue;
            }
            Optional<PublisherTrack> source = published.stream().filter(t -> t.kind() == kind.get()).findFirst();
            if (source.isEmpty()) {
                continue;
            }
            PublisherTrack pub = source.get();
            section.formats().stream().filter(f -> canCarry(pub, f)).findFirst().ifPresent(f -> {
                seen.add(kind.get());
                tracks.add(new ViewerTrack(section.index(), section.mid(), kind.get(), pub.codec(), f, pub.format()));
            });
        }
        if (tracks.isEmpty()) {
            String publishedLabels = published.stream().map(t -> describe(t.codec(), t.format()))
                    .collect(Collectors.joining(", "));
            throw new UnsupportedCodecException("stream '" + stream + "' is published as " + publishedLabels
                    + " and the offer accepts none of these; supported codecs: " + SUPPORTED);
        }
        return List.copyOf(tracks);
    }

    /** Whether a viewer format can receive the publisher's track without transcoding. */
    public static boolean canCarry(PublisherTrack published, RtpFormat viewer) {
        Optional<Codec> codec = viewer.codec();
        if (codec.isEmpty() || codec.get() != published.codec()) {
            return false;
        }
        if (codec.get() != Codec.H264) {
            return true;
        }
        return packetizationMode1(viewer) && H264Profile.of(published.format()).decodableBy(H264Profile.of(viewer));
    }

    private static Optional<RtpFormat> choosePublisherFormat(MediaSection section) {
        Optional<RtpFormat> first = section.formats().stream().filter(CodecPolicy::publishable).findFirst();
        if (first.isEmpty() || first.get().codec().orElseThrow() != Codec.H264) {
            return first;
        }
        // Among H.264 variants prefer constrained baseline (widest decoder support), then offer order.
        return section.formats().stream().filter(CodecPolicy::publishable)
                .filter(f -> f.codec().orElseThrow() == Codec.H264)
                .min(Comparator.comparingInt(f -> H264Profile.of(f) == H264Profile.CONSTRAINED_BASELINE ? 0 : 1));
    }

    private static boolean publishable(RtpFormat format) {
        Optional<Codec> codec = format.codec();
        if (codec.isEmpty()) {
            return false;
        }
        return codec.get() != Codec.H264 || (packetizationMode1(format) && H264Profile.of(format).publishable());
    }

    private static boolean packetizationMode1(RtpFormat format) {
        return format.fmtp("packetization-mode").map(String::trim).filter("1"::equals).isPresent();
    }

    private static String describe(Codec codec, RtpFormat format) {
        return codec == Codec.H264 ? codec.label() + " (" + H264Profile.of(format).label() + ")" : codec.label();
    }
}

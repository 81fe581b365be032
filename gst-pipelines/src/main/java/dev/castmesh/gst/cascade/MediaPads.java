package dev.castmesh.gst.cascade;

import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import dev.castmesh.gst.sdp.MediaSection;
import dev.castmesh.gst.sdp.SessionDescription;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Structure;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a bridge reads from answers, pads and buffers: kinds, codecs, sizes. */
final class MediaPads {
    private MediaPads() {
    }

    /** The codec each answered section sends (from the answerer's side), per kind. */
    static Map<MediaKind, Codec> sentCodecs(SessionDescription answer) {
        Map<MediaKind, Codec> codecs = new EnumMap<>(MediaKind.class);
        for (MediaSection m : answer.media()) {
            if (m.kind().isEmpty() || m.rejected() || !m.direction().sends() || m.formats().isEmpty()) {
                continue;
            }
            m.formats().get(0).codec().ifPresent(c -> codecs.putIfAbsent(m.kind().get(), c));
        }
        return codecs;
    }

    static Optional<String> rtpField(Pad pad, String field) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.isEmpty()) {
            return Optional.empty();
        }
        Structure s = caps.getStructure(0);
        return s.hasField(field) ? Optional.ofNullable(s.getString(field)) : Optional.empty();
    }

    static Optional<Codec> codecNamed(String encodingName) {
        for (Codec c : Codec.values()) {
            if (c.encodingName().equalsIgnoreCase(encodingName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static long size(Buffer buffer) {
        try {
            ByteBuffer data = buffer.map(false);
            int n = data == null ? 0 : data.remaining();
            buffer.unmap();
            return n;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static List<String> labelList(Map<MediaKind, Codec> codecs) {
        return codecs.values().stream().map(Codec::label).toList();
    }

    static String labels(Map<MediaKind, Codec> codecs) {
        return codecs.isEmpty() ? "nothing" : String.join(", ", labelList(codecs));
    }
}

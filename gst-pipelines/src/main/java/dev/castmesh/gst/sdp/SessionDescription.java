package dev.castmesh.gst.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * A parsed SDP offer or answer: the parts the engine needs, plus the text it came from.
 *
 * @param iceUfrag the first ICE username fragment found (session or media level)
 */
public record SessionDescription(String text, String iceUfrag, List<MediaSection> media) {

    public SessionDescription {
        media = List.copyOf(media);
    }

    /** The m-line index of the section with this {@code a=mid}. */
    public OptionalInt indexOfMid(String mid) {
        for (MediaSection m : media) {
            if (m.mid().equals(mid)) {
                return OptionalInt.of(m.index());
            }
        }
        return OptionalInt.empty();
    }
}

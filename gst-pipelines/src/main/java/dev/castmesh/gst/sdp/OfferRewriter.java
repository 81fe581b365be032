package dev.castmesh.gst.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Narrows a remote offer to what the engine negotiates before webrtcbin sees it: each chosen section
 * keeps only its chosen payload type and that format's RTX (no RED or FEC, so forwarded packets mean the
 * same thing to every viewer), the feedback and header extensions its {@link Leg} keeps, a {@code sendrecv}
 * section becomes one-way, and audio/video sections the engine does not use become {@code inactive}. Pure.
 */
public final class OfferRewriter {

    private OfferRewriter() {
    }

    /**
     * @param keep m-line index to the payload type to keep there
     * @param oneWay the direction a chosen {@code sendrecv} section is narrowed to, from the offerer's view
     */
    public static String rewrite(SessionDescription offer, Map<Integer, Integer> keep, Direction oneWay, Leg leg) {
        List<String> out = new ArrayList<>();
        List<String> section = new ArrayList<>();
        int index = -1;
        for (String line : SdpParser.lines(offer.text())) {
            if (line.startsWith("m=")) {
                flush(out, section, index, offer, keep, oneWay, leg);
                index++;
            }
            section.add(line);
        }
        flush(out, section, index, offer, keep, oneWay, leg);
        return String.join("\r\n", out) + "\r\n";
    }

    private static void flush(List<String> out, List<String> section, int index, SessionDescription offer,
                              Map<Integer, Integer> keep, Direction oneWay, Leg leg) {
        if (section.isEmpty()) {
            return;
        }
        if (index < 0 || offer.media().get(index).kind().isEmpty()) {
            out.addAll(section);
        } else if (keep.containsKey(index)) {
            MediaSection media = offer.media().get(index);
            out.addAll(narrow(section, keep.get(index), media.retransmissionFor(keep.get(index)), oneWay, leg));
        } else {
            out.addAll(deactivate(section));
        }
        section.clear();
    }

    private static List<String> narrow(List<String> section, int pt, OptionalInt rtxPt, Direction oneWay, Leg leg) {
        Set<Integer> kept = new HashSet<>();
        kept.add(pt);
        rtxPt.ifPresent(kept::add);
        List<String> out = new ArrayList<>();
        for (String line : section) {
            if (line.startsWith("m=")) {
                String[] parts = line.split("\\s+");
                StringBuilder m = new StringBuilder(parts[0] + " " + parts[1] + " " + parts[2] + " " + pt);
                rtxPt.ifPresent(r -> m.append(' ').append(r));
                out.add(m.toString());
            } else if (line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:")) {
                if (kept.contains(payloadOf(line))) {
                    out.add(line);
                }
            } else if (line.startsWith("a=rtcp-fb:")) {
                if (keepFeedback(line, pt, leg)) {
                    out.add(line);
                }
            } else if (line.equals("a=sendrecv")) {
                out.add("a=" + oneWay.attribute());
            } else if (line.startsWith("a=extmap:")) {
                String[] parts = line.substring("a=extmap:".length()).trim().split("\\s+");
                if (parts.length >= 2 && leg.keepsExtension(parts[1])) {
                    out.add(line);
                }
            } else if (line.startsWith("a=extmap-allow-mixed")) {
                continue;
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> deactivate(List<String> section) {
        List<String> out = new ArrayList<>();
        boolean directionWritten = false;
        for (String line : section) {
            if (Direction.fromAttribute(line.startsWith("a=") ? line.substring(2) : "").isPresent()) {
                if (!directionWritten) {
                    out.add("a=inactive");
                    directionWritten = true;
                }
            } else if (!line.startsWith("a=extmap")) {
                out.add(line);
            }
        }
        if (!directionWritten) {
            out.add("a=inactive");
        }
        return out;
    }

    private static int payloadOf(String line) {
        String rest = line.substring(line.indexOf(':') + 1).trim();
        String pt = rest.split("\\s+")[0];
        try {
            return Integer.parseInt(pt);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean keepFeedback(String line, int pt, Leg leg) {
        String rest = line.substring("a=rtcp-fb:".length()).trim();
        String[] parts = rest.split("\\s+", 2);
        if (parts.length < 2 || !(parts[0].equals("*") || parts[0].equals(String.valueOf(pt)))) {
            return false;
        }
        return leg.keepsFeedback(parts[1]);
    }
}

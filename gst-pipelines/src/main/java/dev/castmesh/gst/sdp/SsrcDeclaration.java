package dev.castmesh.gst.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSRC lines in SDP. The engine negotiates no header extensions (so no MID extension): a BUNDLEd
 * receiver can only route our packets by SSRC, so every viewer answer must declare the SSRC it will
 * actually receive ({@code a=ssrc:<n> cname:…} and {@code msid}). webrtcbin 1.22 writes these lines only
 * when caps with an {@code ssrc} happen to have reached the sending pad at answer time; this puts them in
 * deterministically. Pure.
 */
public final class SsrcDeclaration {
    private static final Pattern SSRC_LINE = Pattern.compile("^a=ssrc:(\\d+)(?:\\s+(\\S+?):(.*))?$");
    private static final Pattern TOKEN = Pattern.compile("[^A-Za-z0-9._-]");

    private SsrcDeclaration() {
    }

    /** The first SSRC of a section that is not a retransmission/FEC SSRC of an {@code a=ssrc-group}. */
    public static OptionalLong primarySsrc(SessionDescription description, int mline) {
        List<String> section = section(description.text(), mline);
        Set<String> secondary = new HashSet<>();
        for (String line : section) {
            if (line.startsWith("a=ssrc-group:")) {
                String[] parts = line.substring("a=ssrc-group:".length()).trim().split("\\s+");
                for (int i = 2; i < parts.length; i++) {
                    secondary.add(parts[i]);
                }
            }
        }
        for (String line : section) {
            Matcher m = SSRC_LINE.matcher(line);
            if (m.matches() && !secondary.contains(m.group(1))) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Rewrites the SSRC lines of the given sections of an answer: any {@code a=ssrc}, {@code a=ssrc-group}
     * and {@code a=msid} there are replaced by one declared SSRC with a cname and an msid, plus the RTX SSRC that
     * webrtcbin's own {@code a=ssrc-group:FID} pairs with that SSRC, if any (receivers drop RTX on an undeclared
     * SSRC).
     *
     * @param ssrcs m-line index to the SSRC sent in that section
     * @param streamId the msid stream id (made a token: letters, digits, {@code . _ -}, at most 64)
     * @param fallbackCname used when the answer carries no cname of its own (webrtcbin's is kept, as it is
     *                      the one its RTCP SDES packets carry)
     */
    public static String declare(String answer, Map<Integer, Long> ssrcs, String streamId, String fallbackCname) {
        String cname = existingCname(answer).orElse(fallbackCname);
        String msidStream = token(streamId);
        List<String> out = new ArrayList<>();
        List<String> section = new ArrayList<>();
        int index = -1;
        for (String line : SdpParser.lines(answer)) {
            if (line.startsWith("m=")) {
                flush(out, section, index, ssrcs, msidStream, cname);
                index++;
            }
            section.add(line);
        }
        flush(out, section, index, ssrcs, msidStream, cname);
        return String.join("\r\n", out) + "\r\n";
    }

    private static void flush(List<String> out, List<String> section, int index, Map<Integer, Long> ssrcs,
                              String msidStream, String cname) {
        if (index < 0 || !ssrcs.containsKey(index)) {
            out.addAll(section);
            section.clear();
            return;
        }
        long ssrc = ssrcs.get(index);
        String kind = section.get(0).substring(2).split("\\s+")[0];
        String track = token(kind + "-" + ssrc);
        OptionalLong rtx = retransmissionSsrc(section, ssrc);
        for (String line : section) {
            if (!line.startsWith("a=ssrc:") && !line.startsWith("a=ssrc-group:") && !line.startsWith("a=msid:")) {
                out.add(line);
            }
        }
        out.add("a=msid:" + msidStream + " " + track);
        rtx.ifPresent(r -> out.add("a=ssrc-group:FID " + ssrc + " " + r));
        out.add("a=ssrc:" + ssrc + " cname:" + cname);
        out.add("a=ssrc:" + ssrc + " msid:" + msidStream + " " + track);
        rtx.ifPresent(r -> {
            out.add("a=ssrc:" + r + " cname:" + cname);
            out.add("a=ssrc:" + r + " msid:" + msidStream + " " + track);
        });
        section.clear();
    }

    /** The SSRC an {@code a=ssrc-group:FID <ssrc> <rtx>} of the section pairs with {@code ssrc}. */
    private static OptionalLong retransmissionSsrc(List<String> section, long ssrc) {
        for (String line : section) {
            if (line.startsWith("a=ssrc-group:FID ")) {
                String[] parts = line.substring("a=ssrc-group:FID ".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(Long.toString(ssrc)) && parts[1].matches("\\d{1,10}")) {
                    return OptionalLong.of(Long.parseLong(parts[1]));
                }
            }
        }
        return OptionalLong.empty();
    }

    private static java.util.Optional<String> existingCname(String sdp) {
        for (String line : SdpParser.lines(sdp)) {
            Matcher m = SSRC_LINE.matcher(line);
            if (m.matches() && "cname".equals(m.group(2)) && !m.group(3).isBlank()) {
                return java.util.Optional.of(m.group(3).trim());
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> section(String sdp, int mline) {
        List<String> section = new ArrayList<>();
        int index = -1;
        for (String line : SdpParser.lines(sdp)) {
            if (line.startsWith("m=")) {
                index++;
            }
            if (index == mline) {
                section.add(line);
            } else if (index > mline) {
                break;
            }
        }
        return section;
    }

    private static String token(String value) {
        String t = TOKEN.matcher(value).replaceAll("-");
        if (t.isEmpty()) {
            t = "castmesh";
        }
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}

package dev.castmesh.gst.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Repairs what webrtcbin 1.22 leaves out of its answers: it drops {@code profile-level-id} from H.264
 * fmtp lines, and browsers then assume Baseline 42000a and may refuse the codec. The offer's value for
 * the same payload type is put back. Pure.
 */
public final class AnswerPatcher {

    private AnswerPatcher() {
    }

    public static String restoreH264ProfileLevelId(String answer, SessionDescription offer) {
        List<String> out = new ArrayList<>();
        List<String> section = new ArrayList<>();
        int index = -1;
        for (String line : SdpParser.lines(answer)) {
            if (line.startsWith("m=")) {
                out.addAll(patch(section, index, offer));
                section.clear();
                index++;
            }
            section.add(line);
        }
        out.addAll(patch(section, index, offer));
        return String.join("\r\n", out) + "\r\n";
    }

    private static List<String> patch(List<String> section, int index, SessionDescription offer) {
        if (index < 0 || index >= offer.media().size()) {
            return List.copyOf(section);
        }
        MediaSection offered = offer.media().get(index);
        List<String> out = new ArrayList<>();
        for (String line : section) {
            if (line.startsWith("a=fmtp:") && !line.contains("profile-level-id")) {
                out.add(offeredProfile(offered, payloadOf(line)).map(v -> line + ";profile-level-id=" + v).orElse(line));
                continue;
            }
            out.add(line);
            int pt = payloadOf(line);
            if (line.startsWith("a=rtpmap:") && line.toUpperCase(Locale.ROOT).contains(" H264/")
                    && section.stream().noneMatch(l -> l.startsWith("a=fmtp:" + pt + " "))) {
                offeredProfile(offered, pt).ifPresent(v -> out.add("a=fmtp:" + pt + " profile-level-id=" + v));
            }
        }
        return out;
    }

    private static Optional<String> offeredProfile(MediaSection section, int pt) {
        return section.format(pt).filter(f -> f.codec().filter(c -> c == Codec.H264).isPresent())
                .flatMap(f -> f.fmtp("profile-level-id"));
    }

    private static int payloadOf(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(line.substring(colon + 1).trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

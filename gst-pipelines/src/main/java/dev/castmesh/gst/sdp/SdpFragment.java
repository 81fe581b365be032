package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.BadSdpException;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code application/trickle-ice-sdpfrag} body (RFC 8840).
 *
 * @param iceUfrag the fragment's ICE username fragment, empty if absent
 */
public record SdpFragment(String iceUfrag, List<IceCandidate> candidates, boolean endOfCandidates) {

    public SdpFragment {
        candidates = List.copyOf(candidates);
    }

    /** {@link #parse(String, SdpLimits)} within {@link SdpLimits#DEFAULT}. */
    public static SdpFragment parse(String body) {
        return parse(body, SdpLimits.DEFAULT);
    }

    public static SdpFragment parse(String body, SdpLimits limits) {
        if (body == null || body.isBlank()) {
            throw new BadSdpException("the SDP fragment is empty");
        }
        if (body.length() > limits.maxBytes()) {
            throw new BadSdpException("the SDP fragment is larger than " + limits.maxBytes() + " bytes");
        }
        String ufrag = "";
        String mid = "";
        int index = -1;
        boolean end = false;
        boolean recognised = false;
        List<IceCandidate> candidates = new ArrayList<>();
        for (String line : SdpParser.lines(body)) {
            if (line.startsWith("m=")) {
                index++;
                mid = "";
                recognised = true;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).trim();
            } else if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring("a=ice-ufrag:".length()).trim();
                recognised = true;
            } else if (line.startsWith("a=candidate:")) {
                candidates.add(new IceCandidate(mid, Math.max(index, 0), line.substring(2)));
                recognised = true;
            } else if (line.equals("a=end-of-candidates")) {
                end = true;
                recognised = true;
            } else if (line.startsWith("a=")) {
                recognised = true;
            }
        }
        if (!recognised) {
            throw new BadSdpException("not a trickle-ice-sdpfrag body");
        }
        SdpParser.requireCandidates(candidates.size(), limits);
        return new SdpFragment(ufrag, candidates, end);
    }
}

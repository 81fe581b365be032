package dev.castmesh.gst.sdp;

import dev.castmesh.gst.errors.BadSdpException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the parts of an SDP offer the engine relies on, and rejects what it cannot use. Pure, no I/O. */
public final class SdpParser {
    private SdpParser() {
    }

    /** {@link #parse(String, SdpLimits)} within {@link SdpLimits#DEFAULT}. */
    public static SessionDescription parse(String sdp) {
        return parse(sdp, SdpLimits.DEFAULT);
    }

    /** Parses an offer; one over {@code limits} is refused before any of it is used. */
    public static SessionDescription parse(String sdp, SdpLimits limits) {
        if (sdp == null || sdp.isBlank()) {
            throw new BadSdpException("the SDP body is empty");
        }
        if (sdp.length() > limits.maxBytes()) {
            throw new BadSdpException("the SDP offer is larger than " + limits.maxBytes() + " bytes");
        }
        List<String> lines = lines(sdp);
        requireWithin(lines, limits);
        if (lines.isEmpty() || !lines.get(0).equals("v=0")) {
            throw new BadSdpException("not an SDP description (it must start with v=0)");
        }
        String ufrag = null;
        boolean fingerprint = false;
        List<MediaSection> media = new ArrayList<>();
        SectionBuilder current = null;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (current != null) {
                    media.add(current.build());
                }
                current = SectionBuilder.fromMLine(media.size(), line);
            } else if (line.startsWith("a=")) {
                String attr = line.substring(2);
                if (attr.startsWith("ice-ufrag:") && ufrag == null) {
                    ufrag = attr.substring("ice-ufrag:".length()).trim();
                } else if (attr.startsWith("fingerprint:")) {
                    fingerprint = true;
                } else if (current != null) {
                    current.attribute(attr);
                }
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (media.isEmpty()) {
            throw new BadSdpException("the SDP has no media section (m=)");
        }
        if (ufrag == null || ufrag.isEmpty()) {
            throw new BadSdpException("the SDP has no ICE credentials (a=ice-ufrag)");
        }
        if (!fingerprint) {
            throw new BadSdpException("the SDP has no DTLS fingerprint (a=fingerprint); only DTLS-SRTP is supported");
        }
        return new SessionDescription(sdp, ufrag, media);
    }

    private static void requireWithin(List<String> lines, SdpLimits limits) {
        int mlines = 0;
        int candidates = 0;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                mlines++;
            } else if (line.startsWith("a=candidate:")) {
                candidates++;
            }
        }
        if (mlines > limits.maxMediaSections()) {
            throw new BadSdpException("the SDP offer has " + mlines + " media sections (m=); at most "
                    + limits.maxMediaSections() + " are accepted");
        }
        requireCandidates(candidates, limits);
    }

    static void requireCandidates(int candidates, SdpLimits limits) {
        if (candidates > limits.maxCandidates()) {
            throw new BadSdpException("the SDP has " + candidates + " ICE candidates (a=candidate); at most "
                    + limits.maxCandidates() + " are accepted");
        }
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    static String excerpt(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    private static int parseInt(String value, String line) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadSdpException("malformed SDP line: " + excerpt(line));
        }
    }

    /** Collects one m= section while its attributes are read. */
    private static final class SectionBuilder {
        private final int index;
        private final String media;
        private final int port;
        private final List<Integer> payloadTypes = new ArrayList<>();
        private final Map<Integer, String[]> rtpmaps = new LinkedHashMap<>();
        private final Map<Integer, Map<String, String>> fmtps = new LinkedHashMap<>();
        private final Map<Integer, List<String>> feedback = new LinkedHashMap<>();
        private final List<String> wildcardFeedback = new ArrayList<>();
        private final List<HeaderExtension> extensions = new ArrayList<>();
        private String mid = "";
        private Direction direction = Direction.SENDRECV;
        private boolean bundleOnly;

        private SectionBuilder(int index, String media, int port) {
            this.index = index;
            this.media = media;
            this.port = port;
        }

        static SectionBuilder fromMLine(int index, String line) {
            String[] parts = line.substring(2).trim().split("\\s+");
            if (parts.length < 3) {
                throw new BadSdpException("malformed SDP media line: " + excerpt(line));
            }
            int port = parseInt(parts[1].split("/")[0], line);
            SectionBuilder b = new SectionBuilder(index, parts[0].toLowerCase(Locale.ROOT), port);
            if (parts[2].contains("RTP")) {
                for (int i = 3; i < parts.length; i++) {
                    int pt = parseInt(parts[i], line);
                    if (pt < 0 || pt > 127) {
                        throw new BadSdpException("payload type out of range in: " + excerpt(line));
                    }
                    b.payloadTypes.add(pt);
                }
            }
            return b;
        }

        void attribute(String attr) {
            int colon = attr.indexOf(':');
            String name = colon < 0 ? attr : attr.substring(0, colon);
            String value = colon < 0 ? "" : attr.substring(colon + 1).trim();
            switch (name) {
                case "mid" -> mid = value;
                case "bundle-only" -> bundleOnly = true;
                case "sendrecv", "sendonly", "recvonly", "inactive" ->
                        direction = Direction.fromAttribute(name).orElse(Direction.SENDRECV);
                case "rtpmap" -> rtpmap(attr, value);
                case "fmtp" -> fmtp(attr, value);
                case "rtcp-fb" -> rtcpFeedback(value);
                case "extmap" -> extmap(value);
                default -> { }
            }
        }

        private void rtpmap(String attr, String value) {
            String[] parts = value.split("\\s+", 2);
            if (parts.length < 2) {
                throw new BadSdpException("malformed SDP line: a=" + excerpt(attr));
            }
            int pt = parseInt(parts[0], attr);
            String[] enc = parts[1].trim().split("/");
            if (enc.length < 2) {
                throw new BadSdpException("malformed SDP line: a=" + excerpt(attr));
            }
            parseInt(enc[1], attr);
            rtpmaps.put(pt, enc);
        }

        private void fmtp(String attr, String value) {
            String[] parts = value.split("\\s+", 2);
            int pt = parseInt(parts[0], attr);
            Map<String, String> params = fmtps.computeIfAbsent(pt, k -> new LinkedHashMap<>());
            if (parts.length < 2) {
                return;
            }
            for (String param : parts[1].split(";")) {
                int eq = param.indexOf('=');
                if (eq > 0) {
                    params.put(param.substring(0, eq).trim().toLowerCase(Locale.ROOT), param.substring(eq + 1).trim());
                }
            }
        }

        /** {@code <id>[/<direction>] <uri> [<attributes>]}; an unusable line is ignored like an unknown attribute. */
        private void extmap(String value) {
            String[] parts = value.split("\\s+");
            if (parts.length < 2) {
                return;
            }
            try {
                int id = Integer.parseInt(parts[0].split("/")[0]);
                if (id >= 1 && id <= 255) {
                    extensions.add(new HeaderExtension(id, parts[1]));
                }
            } catch (NumberFormatException ignored) {
                // as above
            }
        }

        private void rtcpFeedback(String value) {
            String[] parts = value.split("\\s+", 2);
            if (parts.length < 2) {
                return;
            }
            String fb = parts[1].trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (parts[0].equals("*")) {
                wildcardFeedback.add(fb);
            } else {
                try {
                    feedback.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>()).add(fb);
                } catch (NumberFormatException ignored) {
                    // an unusable rtcp-fb line does not make the offer unusable
                }
            }
        }

        MediaSection build() {
            List<RtpFormat> formats = new ArrayList<>();
            for (int pt : payloadTypes) {
                String[] enc = rtpmaps.get(pt);
                if (enc == null) {
                    continue;
                }
                List<String> fb = new ArrayList<>(feedback.getOrDefault(pt, List.of()));
                fb.addAll(wildcardFeedback);
                formats.add(new RtpFormat(pt, enc[0], Integer.parseInt(enc[1].trim()), enc.length > 2 ? enc[2] : "",
                        fmtps.getOrDefault(pt, Map.of()), fb));
            }
            return new MediaSection(index, media, port, mid, direction, bundleOnly, formats, extensions);
        }
    }
}

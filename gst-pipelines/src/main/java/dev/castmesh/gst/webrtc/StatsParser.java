package dev.castmesh.gst.webrtc;

/** Sums the counters of a webrtcbin {@code get-stats} reply (its text form). Pure. */
public final class StatsParser {

    private StatsParser() {
    }

    public static WebRtcStats parse(String statsText) {
        if (statsText == null || statsText.isBlank()) {
            return WebRtcStats.EMPTY;
        }
        long received = 0;
        long sent = 0;
        long feedback = 0;
        GstStructureText top = GstStructureText.parse(statsText);
        for (String field : top.values().keySet()) {
            if (!top.type(field).equals("structure")) {
                continue;
            }
            GstStructureText entry = top.nested(field).orElseThrow();
            switch (entry.value("type").orElse("")) {
                case "inbound-rtp" -> received += entry.longValue("bytes-received");
                case "outbound-rtp" -> sent += entry.longValue("bytes-sent");
                case "remote-inbound-rtp" -> feedback += reportMark(entry);
                default -> { }
            }
        }
        return new WebRtcStats(received, sent, feedback);
    }

    /** The highest sequence number and last-SR stamp of the latest receiver report the peer sent. */
    private static long reportMark(GstStructureText remoteInbound) {
        return remoteInbound.nested("gst-rtpsource-stats")
                .filter(s -> s.value("have-rb").map("true"::equals).orElse(false))
                .map(s -> s.longValue("rb-exthighestseq") * 31 + s.longValue("rb-lsr"))
                .orElse(0L);
    }
}

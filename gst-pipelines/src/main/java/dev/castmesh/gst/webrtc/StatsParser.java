package dev.castmesh.gst.webrtc;

/** Sums the counters of a webrtcbin {@code get-stats} reply (its text form). Pure. */
public final class StatsParser {

    private StatsParser() {
    }

    /** @param rtcpReportsReceived counted by the endpoint: the stats' report blocks are not a reliable sign of life */
    public static WebRtcStats parse(String statsText, long rtcpReportsReceived) {
        if (statsText == null || statsText.isBlank()) {
            return new WebRtcStats(0, 0, rtcpReportsReceived);
        }
        long received = 0;
        long sent = 0;
        GstStructureText top = GstStructureText.parse(statsText);
        for (String field : top.values().keySet()) {
            if (!top.type(field).equals("structure")) {
                continue;
            }
            GstStructureText entry = top.nested(field).orElseThrow();
            switch (entry.value("type").orElse("")) {
                case "inbound-rtp" -> received += entry.longValue("bytes-received");
                case "outbound-rtp" -> sent += entry.longValue("bytes-sent");
                default -> { }
            }
        }
        return new WebRtcStats(received, sent, rtcpReportsReceived);
    }
}

package dev.castmesh.gst.webrtc;

/**
 * The counters the engine reads from webrtcbin's {@code get-stats}.
 *
 * @param bytesReceived RTP payload bytes received over all inbound streams
 * @param bytesSent RTP payload bytes sent over all outbound streams
 * @param rtcpReportsReceived sender and receiver reports that arrived from the remote peer; constant while
 *                            the peer is silent
 */
public record WebRtcStats(long bytesReceived, long bytesSent, long rtcpReportsReceived) {
    public static final WebRtcStats EMPTY = new WebRtcStats(0, 0, 0);
}

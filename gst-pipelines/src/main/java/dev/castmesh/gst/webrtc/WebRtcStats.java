package dev.castmesh.gst.webrtc;

/**
 * The counters the engine reads from webrtcbin's {@code get-stats}.
 *
 * @param bytesReceived RTP payload bytes received over all inbound streams
 * @param bytesSent RTP payload bytes sent over all outbound streams
 * @param feedbackMark changes whenever the remote peer sends a new RTCP receiver report about our
 *                     streams; constant while the peer is silent
 */
public record WebRtcStats(long bytesReceived, long bytesSent, long feedbackMark) {
    public static final WebRtcStats EMPTY = new WebRtcStats(0, 0, 0);
}

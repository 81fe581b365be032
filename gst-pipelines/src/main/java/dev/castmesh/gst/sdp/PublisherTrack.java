package dev.castmesh.gst.sdp;

/**
 * A track the publisher will send, with the one format the engine accepted for it.
 *
 * @param mline the m-line index in the publisher's offer
 */
public record PublisherTrack(int mline, String mid, MediaKind kind, Codec codec, RtpFormat format) {
}

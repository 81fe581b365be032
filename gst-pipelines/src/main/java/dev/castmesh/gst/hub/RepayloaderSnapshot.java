package dev.castmesh.gst.hub;

/**
 * A shared depay→pay branch rewriting the publisher's payload type for viewers that negotiated another.
 *
 * @param format e.g. {@code VP8/90000}
 * @param payloadType the viewers' payload type it produces
 * @param viewers how many viewers it feeds
 */
public record RepayloaderSnapshot(String kind, String format, int payloadType, int viewers) {
}

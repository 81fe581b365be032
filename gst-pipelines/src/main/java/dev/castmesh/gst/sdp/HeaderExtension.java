package dev.castmesh.gst.sdp;

/**
 * One {@code a=extmap} of a media section (RFC 8285).
 *
 * @param id the extension id, 1..255
 * @param uri what the extension carries
 */
public record HeaderExtension(int id, String uri) {
}

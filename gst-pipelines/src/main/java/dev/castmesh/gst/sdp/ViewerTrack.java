package dev.castmesh.gst.sdp;

/**
 * A track a viewer will receive: the format the viewer offered for it and the publisher's format it
 * carries.
 *
 * @param mline the m-line index in the viewer's offer
 */
public record ViewerTrack(int mline, String mid, MediaKind kind, Codec codec, RtpFormat viewerFormat,
                          RtpFormat publisherFormat) {

    /** True when the publisher's packets can go to this viewer unchanged (same payload type number). */
    public boolean direct() {
        return viewerFormat.payloadType() == publisherFormat.payloadType();
    }
}

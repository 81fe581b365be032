package dev.castmesh.gst.errors;

/** The offer has no codec the engine can forward; the message lists the supported codecs (HTTP 400 or 406). */
public final class UnsupportedCodecException extends MediaException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCodecException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unsupported_codec";
    }
}

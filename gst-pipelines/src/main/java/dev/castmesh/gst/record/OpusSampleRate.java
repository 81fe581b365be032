package dev.castmesh.gst.record;

/**
 * Repairs the Opus {@code dOps} box of an init segment written by GStreamer 1.22's mp4mux, which stores
 * {@code InputSampleRate} little-endian (48000 becomes {@code 80 BB 00 00}). The box is big-endian (Encapsulation of
 * Opus in ISOBMFF, 4.3.2); ffmpeg ignores the field, but Chromium's MSE refuses the whole init segment when it
 * differs from the sample entry's rate ("Opus AudioSampleEntry sample rate mismatches OpusSpecificBox"), so dash.js
 * could not play a recording. The field is informational (Opus always decodes at 48 kHz, and RTP Opus has no other
 * input rate to report), so it is set to the sample entry's rate. Pure.
 */
final class OpusSampleRate {
    /** Bytes of AudioSampleEntry fields before its child boxes. */
    static final int AUDIO_SAMPLE_ENTRY_FIELDS = 28;
    /** Offset of InputSampleRate in dOps: Version (1), OutputChannelCount (1), PreSkip (2). */
    private static final int INPUT_SAMPLE_RATE = 4;

    private OpusSampleRate() {
    }

    /**
     * @param init the init segment
     * @param opusEntry its {@code Opus} sample entry
     * @param rate the sample entry's rate, Hz
     * @return {@code init} itself when dOps already says {@code rate} (or there is none), else a repaired copy
     */
    static byte[] matchSampleEntry(byte[] init, Mp4Box opusEntry, int rate) {
        return opusEntry.child("dOps", AUDIO_SAMPLE_ENTRY_FIELDS)
                .filter(dops -> dops.size() - dops.headerSize() >= INPUT_SAMPLE_RATE + 4)
                .filter(dops -> Mp4Box.u32(init, dops.payload() + INPUT_SAMPLE_RATE) != rate)
                .map(dops -> {
                    byte[] fixed = init.clone();
                    Mp4Box.put32(fixed, dops.payload() + INPUT_SAMPLE_RATE, rate);
                    return fixed;
                })
                .orElse(init);
    }
}

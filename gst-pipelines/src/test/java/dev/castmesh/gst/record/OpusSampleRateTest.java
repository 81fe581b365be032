package dev.castmesh.gst.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class OpusSampleRateTest {
    /** dOps as GStreamer 1.22's mp4mux writes it for RTP Opus: 2 channels, InputSampleRate 48000 little-endian. */
    private static final byte[] GST_DOPS = {0, 2, 0, 0, (byte) 0x80, (byte) 0xbb, 0, 0, 0, 0, 0};
    private static final byte[] SPEC_DOPS = {0, 2, 0, 0, 0, 0, (byte) 0xbb, (byte) 0x80, 0, 0, 0};

    @Test
    void aLittleEndianInputSampleRateIsWrittenBigEndianLikeTheSampleEntrysRate() {
        byte[] written = Fmp4Fixtures.audioInit(GST_DOPS);
        TrackInit init = TrackInit.parse(written);
        assertArrayEquals(Fmp4Fixtures.audioInit(SPEC_DOPS), init.bytes(), "only InputSampleRate changes");
        assertArrayEquals(Fmp4Fixtures.audioInit(GST_DOPS), written, "the muxer's buffer is left alone");
        assertEquals(48_000, init.sampleRate());
    }

    @Test
    void aCorrectInitSegmentIsKeptAsItIs() {
        byte[] written = Fmp4Fixtures.audioInit(SPEC_DOPS);
        assertSame(written, TrackInit.parse(written).bytes());
    }

    @Test
    void videoInitSegmentsAreNotTouched() {
        byte[] written = Fmp4Fixtures.videoInit();
        assertSame(written, TrackInit.parse(written).bytes());
    }
}

package dev.castmesh.gst.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small single-track fragmented MP4s built byte by byte, shaped like mp4mux's output. */
final class Fmp4Fixtures {
    static final int VIDEO_TIMESCALE = 90_000;
    static final int AUDIO_TIMESCALE = 48_000;
    private static final long NON_SYNC = 0x10000;

    private Fmp4Fixtures() {
    }

    static byte[] videoInit() {
        ByteBuffer fields = ByteBuffer.allocate(78);
        fields.position(24);
        fields.putShort((short) 320).putShort((short) 240);
        byte[] avcc = {1, 0x42, (byte) 0xc0, 0x1e, (byte) 0xff, (byte) 0xe0, 0};
        return init("vide", VIDEO_TIMESCALE, box("avc1", fields.array(), box("avcC", avcc)));
    }

    static byte[] audioInit() {
        return audioInit(new byte[11]);
    }

    /** An Opus init segment whose {@code dOps} payload is {@code dops}. */
    static byte[] audioInit(byte[] dops) {
        ByteBuffer fields = ByteBuffer.allocate(28);
        fields.position(16);
        fields.putShort((short) 2).putShort((short) 16).putInt(0).putShort((short) 48_000).putShort((short) 0);
        return init("soun", AUDIO_TIMESCALE, box("Opus", fields.array(), box("dOps", dops)));
    }

    /** moof + mdat: {@code samples} samples of {@code sampleDuration}; only the first may be a sync sample. */
    static byte[] fragment(int sequence, long decodeTime, int samples, int sampleDuration, boolean firstSync) {
        ByteBuffer trun = ByteBuffer.allocate(8 + 4 + samples * 12);
        trun.putInt(0x000701).putInt(samples).putInt(0);
        for (int i = 0; i < samples; i++) {
            trun.putInt(sampleDuration).putInt(10).putInt((int) (i == 0 && firstSync ? 0 : NON_SYNC));
        }
        byte[] tfhd = ByteBuffer.allocate(8).putInt(0).putInt(1).array();
        byte[] tfdt = ByteBuffer.allocate(12).putInt(0x01000000).putLong(decodeTime).array();
        byte[] moof = box("moof", box("mfhd", ByteBuffer.allocate(8).putInt(0).putInt(sequence).array()),
                box("traf", box("tfhd", tfhd), box("tfdt", tfdt), box("trun", trun.array())));
        return concat(moof, box("mdat", new byte[samples * 10]));
    }

    static byte[] box(String type, byte[]... payloads) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : payloads) {
            body.writeBytes(p);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size());
        b.putInt(8 + body.size()).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray());
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] init(String handler, int timescale, byte[] sampleEntry) {
        byte[] ftyp = box("ftyp", "iso6".getBytes(StandardCharsets.ISO_8859_1), new byte[4]);
        byte[] mdhd = box("mdhd", ByteBuffer.allocate(24).putInt(0).putInt(0).putInt(0).putInt(timescale).array());
        byte[] hdlr = box("hdlr", ByteBuffer.allocate(25).putInt(0).putInt(0)
                .put(handler.getBytes(StandardCharsets.ISO_8859_1)).array());
        byte[] stsd = box("stsd", ByteBuffer.allocate(8).putInt(0).putInt(1).array(), sampleEntry);
        byte[] trak = box("trak", box("tkhd", new byte[84]),
                box("mdia", mdhd, hdlr, box("minf", box("stbl", stsd))));
        byte[] trex = box("trex", ByteBuffer.allocate(24).putInt(0).putInt(1).putInt(1).putInt(0).putInt(0)
                .putInt((int) NON_SYNC).array());
        return concat(ftyp, box("moov", box("mvhd", new byte[100]), trak, box("mvex", trex)));
    }
}

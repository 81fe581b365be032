package dev.castmesh.gst.record;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Splits the byte stream of a fragmented MP4 muxer at box boundaries: {@code ftyp}+{@code moov} become
 * one init segment, each {@code moof}+{@code mdat} one fragment; other top-level boxes ({@code mfra},
 * {@code free}, {@code sidx}) are dropped. Buffers may cut boxes anywhere. Pure; not thread-safe (one
 * muxer output thread feeds it).
 */
final class Fmp4Splitter {
    /** Receives what the splitter found, on the thread that fed it. */
    interface Sink {
        void init(TrackInit init);

        void fragment(Fragment fragment);
    }

    private static final int INITIAL = 64 * 1024;

    private final Sink sink;
    private byte[] buf = new byte[INITIAL];
    private int len;
    private byte[] ftyp = new byte[0];
    private byte[] moof;
    private TrackInit init;
    private long bytesIn;

    Fmp4Splitter(Sink sink) {
        this.sink = sink;
    }

    /** Appends muxer output (consumed from the buffer's position to its limit). */
    void feed(ByteBuffer data) {
        int n = data.remaining();
        ensure(n);
        data.get(buf, len, n);
        len += n;
        bytesIn += n;
        drain();
    }

    void feed(byte[] data) {
        feed(ByteBuffer.wrap(data));
    }

    /** Bytes fed and not yet part of a complete box (non-zero at the end means a truncated stream). */
    int pending() {
        return len + (moof == null ? 0 : moof.length);
    }

    long bytesIn() {
        return bytesIn;
    }

    private void drain() {
        int p = 0;
        while (true) {
            Optional<Mp4Box> box = Mp4Box.at(buf, p, len);
            if (box.isEmpty() || box.get().size() > len - p) {
                break;
            }
            take(box.get());
            p = box.get().end();
        }
        if (p > 0) {
            System.arraycopy(buf, p, buf, 0, len - p);
            len -= p;
        }
    }

    private void take(Mp4Box box) {
        byte[] bytes = Arrays.copyOfRange(buf, box.offset(), box.end());
        switch (box.type()) {
            case "ftyp" -> ftyp = bytes;
            case "moov" -> {
                byte[] all = Arrays.copyOf(ftyp, ftyp.length + bytes.length);
                System.arraycopy(bytes, 0, all, ftyp.length, bytes.length);
                init = TrackInit.parse(all);
                sink.init(init);
            }
            case "moof" -> moof = bytes;
            case "mdat" -> {
                if (moof == null || init == null) {
                    return;
                }
                byte[] all = Arrays.copyOf(moof, moof.length + bytes.length);
                System.arraycopy(bytes, 0, all, moof.length, bytes.length);
                moof = null;
                sink.fragment(Fragment.parse(all, init.defaultSampleFlags()));
            }
            default -> { }
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}

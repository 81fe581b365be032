package dev.castmesh.gst.bench;

import org.freedesktop.gstreamer.Buffer;

import java.nio.ByteBuffer;

/** Identifies an RTP packet by its timestamp and sequence number, read from the buffer's first bytes. */
final class RtpStamp {
    static final long NONE = -1;

    private RtpStamp() {
    }

    /** (timestamp << 16 | sequence number), or {@link #NONE} when the buffer is not an RTP packet. */
    static long of(Buffer buffer) {
        ByteBuffer bytes = buffer.map(false);
        try {
            if (bytes == null || bytes.remaining() < 12 || (bytes.get(0) & 0xC0) != 0x80) {
                return NONE;
            }
            long seq = ((bytes.get(2) & 0xFF) << 8) | (bytes.get(3) & 0xFF);
            long ts = ((long) (bytes.get(4) & 0xFF) << 24) | ((bytes.get(5) & 0xFF) << 16)
                    | ((bytes.get(6) & 0xFF) << 8) | (bytes.get(7) & 0xFF);
            return ts << 16 | seq;
        } finally {
            buffer.unmap();
        }
    }
}

package dev.castmesh.gst.record;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One ISO BMFF box inside a byte array: where it starts, its header and total size. Pure; reads only.
 *
 * @param offset where the box starts (its size field)
 * @param headerSize 8, or 16 with a 64-bit size
 * @param size the whole box, header included
 */
record Mp4Box(byte[] data, int offset, int headerSize, long size, String type) {

    /** The box at {@code offset}, or empty if fewer than its header's bytes are available before {@code end}. */
    static Optional<Mp4Box> at(byte[] data, int offset, int end) {
        if (end - offset < 8) {
            return Optional.empty();
        }
        long size = u32(data, offset);
        String type = new String(data, offset + 4, 4, StandardCharsets.ISO_8859_1);
        int header = 8;
        if (size == 1) {
            if (end - offset < 16) {
                return Optional.empty();
            }
            size = u64(data, offset + 8);
            header = 16;
        } else if (size == 0) {
            size = end - offset;
        }
        if (size < header) {
            throw new IllegalArgumentException("corrupt MP4 box '" + type + "' of size " + size);
        }
        return Optional.of(new Mp4Box(data, offset, header, size, type));
    }

    int payload() {
        return offset + headerSize;
    }

    int end() {
        return (int) (offset + size);
    }

    /** The first child of this container box with the given type ({@code skip} bytes of fields before the children). */
    Optional<Mp4Box> child(String childType, int skip) {
        int p = payload() + skip;
        while (p < end()) {
            Optional<Mp4Box> b = at(data, p, end());
            if (b.isEmpty()) {
                return Optional.empty();
            }
            if (b.get().type().equals(childType)) {
                return b;
            }
            p = b.get().end();
        }
        return Optional.empty();
    }

    Optional<Mp4Box> child(String childType) {
        return child(childType, 0);
    }

    /** Follows a path of container boxes, e.g. {@code "mdia/minf/stbl/stsd"}. */
    Optional<Mp4Box> path(String path) {
        Optional<Mp4Box> current = Optional.of(this);
        for (String step : path.split("/")) {
            current = current.flatMap(b -> b.child(step));
        }
        return current;
    }

    /** Version byte of a full box. */
    int version() {
        return data[payload()] & 0xff;
    }

    /** 24-bit flags of a full box. */
    int flags() {
        return (int) (u32(data, payload()) & 0xffffff);
    }

    static long u32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    static long u64(byte[] b, int p) {
        return (u32(b, p) << 32) | u32(b, p + 4);
    }

    static void put32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    static void put64(byte[] b, int p, long v) {
        put32(b, p, v >>> 32);
        put32(b, p + 4, v);
    }
}

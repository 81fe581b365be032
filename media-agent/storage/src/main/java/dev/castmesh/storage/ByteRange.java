package dev.castmesh.storage;

/**
 * Bytes {@code first} to {@code last}, both inclusive and absolute, as in HTTP's {@code bytes=first-last}.
 * A store clips {@code last} to the object's last byte; a {@code first} at or beyond the end is not satisfiable.
 *
 * @param first offset of the first byte, at least 0
 * @param last  offset of the last byte, at least {@code first}; {@link Long#MAX_VALUE} for "to the end"
 */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("byte range " + first + "-" + last + " is invalid");
        }
    }

    /** From {@code first} to the end of the object. */
    public static ByteRange from(long first) {
        return new ByteRange(first, Long.MAX_VALUE);
    }

    /** This range clipped to an object of {@code size} bytes. */
    public ByteRange clip(long size) throws RangeNotSatisfiableException {
        if (first >= size) {
            throw new RangeNotSatisfiableException(size);
        }
        return new ByteRange(first, Math.min(last, size - 1));
    }

    /** Number of bytes, for a clipped range. */
    public long length() {
        return last - first + 1;
    }
}

package dev.castmesh.storage;

/** A {@link ByteRange} that starts at or after the end of the object. */
public final class RangeNotSatisfiableException extends StorageException {
    private final long size;

    public RangeNotSatisfiableException(long size) {
        super("range starts beyond the object's " + size + " bytes");
        this.size = size;
    }

    /** The object's size in bytes, or -1 when the back end did not say. */
    public long size() {
        return size;
    }
}

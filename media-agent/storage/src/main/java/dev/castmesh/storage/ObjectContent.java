package dev.castmesh.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An open read of an object (or of a range of it). The caller streams {@link #stream()} and must close this.
 *
 * @param info          the whole object's metadata
 * @param range         the bytes {@code stream} delivers (the whole object when no range was asked: {@code 0..size-1};
 *                      null for an empty object)
 * @param contentLength how many bytes {@code stream} delivers
 * @param stream        the bytes
 */
public record ObjectContent(ObjectInfo info, ByteRange range, long contentLength, InputStream stream)
        implements Closeable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}

package dev.castmesh.storage;

import java.time.Instant;

/**
 * Metadata of a stored object.
 *
 * @param key          the key as given to the store (without an S3 {@code root} prefix)
 * @param sizeBytes    the whole object's size
 * @param etag         an HTTP entity tag, quoted ({@code "\"abc\""}); changes whenever the content does
 * @param lastModified when the object was last written (S3: second precision)
 */
public record ObjectInfo(String key, long sizeBytes, String etag, Instant lastModified) {
}

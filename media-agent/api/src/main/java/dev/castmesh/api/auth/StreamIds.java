package dev.castmesh.api.auth;

import dev.castmesh.api.StreamName;

/** The {@code id} claim of a token: a stream name as {@link StreamName} defines it, or the wildcard. */
public final class StreamIds {
    /** The id that grants rights on every stream. */
    public static final String WILDCARD = "*";
    public static final int MAX_LENGTH = StreamName.MAX_LENGTH;

    private StreamIds() {
    }

    public static boolean isValid(String id) {
        return StreamName.isValid(id) && !WILDCARD.equals(id);
    }

    /** A stream id or the wildcard. */
    public static boolean isValidGrantId(String id) {
        return WILDCARD.equals(id) || isValid(id);
    }
}

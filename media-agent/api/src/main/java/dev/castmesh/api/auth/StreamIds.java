package dev.castmesh.api.auth;

import java.util.regex.Pattern;

/**
 * What a stream id may look like when we mint a token for it: 1 to 128 URL-unreserved characters
 * ({@code A-Z a-z 0-9 . _ ~ -}), not {@code .} or {@code ..}, so that it is one path segment that never
 * needs percent-encoding and cannot be confused with the wildcard.
 */
public final class StreamIds {
    /** The id that grants rights on every stream. */
    public static final String WILDCARD = "*";
    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

    private StreamIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    /** A stream id or the wildcard. */
    public static boolean isValidGrantId(String id) {
        return WILDCARD.equals(id) || isValid(id);
    }
}

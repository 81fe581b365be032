package dev.castmesh.api.auth;

import java.util.Objects;

/**
 * What an authenticated caller may do: the {@code id} and {@code mode} claims of a Live777 token.
 *
 * @param id   a stream id, or {@code "*"} for every stream
 * @param mode {@link AccessMode} bits, 0..7
 */
public record Grant(String id, int mode) {

    public Grant {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("grant id must not be empty");
        }
        if (!AccessMode.isValidMask(mode)) {
            throw new IllegalArgumentException("grant mode must be within 0..7, got " + mode);
        }
    }

    /** Every right on every stream: static tokens, dashboard logins. */
    public static Grant full() {
        return new Grant(StreamIds.WILDCARD, AccessMode.ALL);
    }

    public boolean isWildcard() {
        return StreamIds.WILDCARD.equals(id);
    }

    /** Whether this grant applies to {@code stream} (its own stream or the wildcard). */
    public boolean covers(String stream) {
        return isWildcard() || id.equals(stream);
    }

    /** Whether this grant holds at least one of the {@code bits}. */
    public boolean hasAny(int bits) {
        return (mode & bits) != 0;
    }

    /** Whether {@code other} gives nothing this grant does not have (used to refuse minting more rights than one holds). */
    public boolean includes(Grant other) {
        boolean streams = isWildcard() || id.equals(other.id);
        return streams && (other.mode & ~mode) == 0;
    }

    @Override
    public String toString() {
        return "Grant[" + id + ", " + AccessMode.describe(mode) + "]";
    }
}

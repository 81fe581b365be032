package dev.castmesh.api.auth;

/**
 * The rights a token can carry, as the bits of its {@code mode} claim (Live777 compatible).
 * The bits are independent: admin does not imply publish or subscribe.
 */
public enum AccessMode {
    /** 1: stream, cascade, recording and node management. */
    ADMIN(1),
    /** 2: WHIP ingest. */
    PUBLISH(2),
    /** 4: WHEP playback. */
    SUBSCRIBE(4);

    /** No rights at all (a valid but useless token). */
    public static final int NONE = 0;
    /** Every right: what static tokens and dashboard logins grant. */
    public static final int ALL = 7;

    private final int bit;

    AccessMode(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** Whether {@code mode} holds this right. */
    public boolean in(int mode) {
        return (mode & bit) != 0;
    }

    /** The mask of several rights. */
    public static int mask(AccessMode... modes) {
        int mask = NONE;
        for (AccessMode mode : modes) {
            mask |= mode.bit;
        }
        return mask;
    }

    /** Whether {@code mode} is a combination of the three bits (0..7). */
    public static boolean isValidMask(int mode) {
        return (mode & ~ALL) == 0;
    }

    /** Human-readable form for messages, e.g. {@code "publish|subscribe"} or {@code "none"}. */
    public static String describe(int mode) {
        StringBuilder text = new StringBuilder();
        for (AccessMode value : values()) {
            if (value.in(mode)) {
                text.append(text.isEmpty() ? "" : "|").append(value.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}

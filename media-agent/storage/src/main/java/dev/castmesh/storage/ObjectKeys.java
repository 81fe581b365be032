package dev.castmesh.storage;

/**
 * What an object key may be: a relative path of '/'-separated segments, as in {@code cam1/2026/11/21/manifest.mpd}.
 * Refused (never normalised away): empty keys, a leading '/', empty, {@code .} or {@code ..} segments, backslashes,
 * NUL and other control characters, and keys over {@value #MAX_LENGTH} characters. A valid key names the same object
 * on every store and cannot leave a filesystem root.
 */
public final class ObjectKeys {
    public static final int MAX_LENGTH = 1024;

    private ObjectKeys() {
    }

    /**
     * @return the key unchanged
     * @throws BadObjectKeyException saying what is wrong
     */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new BadObjectKeyException("empty object key");
        }
        if (key.length() > MAX_LENGTH) {
            throw new BadObjectKeyException("object key longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new BadObjectKeyException("object key contains a control character");
            }
            if (c == '\\') {
                throw new BadObjectKeyException("object key contains a backslash");
            }
        }
        if (key.startsWith("/")) {
            throw new BadObjectKeyException("object key must be relative");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new BadObjectKeyException("object key has an empty, '.' or '..' segment");
            }
        }
        return key;
    }

    /** Whether {@link #check} accepts the key. */
    public static boolean isValid(String key) {
        try {
            check(key);
            return true;
        } catch (BadObjectKeyException e) {
            return false;
        }
    }

    /** The first segment of a valid key ({@code cam1} for {@code cam1/2026/...}). */
    public static String firstSegment(String key) {
        int slash = check(key).indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}

package dev.castmesh.api;

/**
 * The one rule for stream names, shared by the control plane and the agents.
 *
 * <p>A stream name is used as a path segment ({@code /whip/{stream}}, {@code /api/playback/{stream}}) and as a
 * directory name in recording storage, so it must be 1 to {@value #MAX_LENGTH} characters with no {@code /} or
 * {@code \}, no {@code ..}, not {@code .}, none of {@code * ? # %} (the token wildcard and URL delimiters), and no
 * whitespace, control, format (invisible) or unpaired surrogate characters. Everything else (letters of any script,
 * digits, {@code - _ . : @ + ~}) is allowed.
 */
public final class StreamName {
    /** The longest allowed name, in UTF-16 chars. */
    public static final int MAX_LENGTH = 128;
    private static final String URL_SIGNIFICANT = "*?#%";

    private StreamName() {
    }

    /**
     * Checks a stream name.
     *
     * @throws IllegalArgumentException with a message meant for the client (it never echoes the name)
     */
    public static void validate(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Whether {@link #validate(String)} would accept the name. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "stream name is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "stream name is longer than " + MAX_LENGTH + " characters";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "stream name must not contain '/' or '\\'";
        }
        if (name.chars().anyMatch(c -> URL_SIGNIFICANT.indexOf(c) >= 0)) {
            return "stream name must not contain '*', '?', '#' or '%'";
        }
        if (name.equals(".") || name.contains("..")) {
            return "stream name must not be '.' or contain '..'";
        }
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (!allowed(codePoint)) {
                return "stream name must not contain whitespace, control or invisible characters";
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    private static boolean allowed(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }
}

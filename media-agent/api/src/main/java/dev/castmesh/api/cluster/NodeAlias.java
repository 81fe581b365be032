package dev.castmesh.api.cluster;

import java.util.regex.Pattern;

/**
 * The one rule for node aliases ({@code [cluster] alias} of an agent, {@code {alias}} of {@code /api/nodes/{alias}}):
 * 1 to {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 _ -}. No dot: the control plane's session ids are
 * {@code {alias}.{agent session id}} and split at the first dot.
 */
public final class NodeAlias {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private NodeAlias() {
    }

    public static boolean isValid(String alias) {
        return alias != null && ALIAS.matcher(alias).matches();
    }

    /** @throws IllegalArgumentException with a client message (never echoes the alias) */
    public static void validate(String alias) {
        if (!isValid(alias)) {
            throw new IllegalArgumentException("node alias must be 1 to " + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-'");
        }
    }
}

package dev.castmesh.security;

import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Carries a {@link Grant} inside a micronaut-security {@link Authentication} (two attributes, never the token). */
public final class Grants {
    public static final String ID = "castmesh.grant.id";
    public static final String MODE = "castmesh.grant.mode";
    /** The JWT claim, and attribute, of a cascade-leg token: the alias of the node that pulls with it. */
    public static final String LEG = "leg";
    private static final String LEG_ATTRIBUTE = "castmesh.grant.leg";
    private static final String EXPIRES_ATTRIBUTE = "castmesh.grant.exp";

    private Grants() {
    }

    public static Authentication authentication(String name, Grant grant) {
        return Authentication.build(name, Map.of(ID, grant.id(), MODE, grant.mode()));
    }

    /**
     * For a verified JWT: its grant, the {@code leg} claim of a control-plane cascade token (null: none) and its
     * {@code exp}, which {@link #expiry} gives back (a token minted with it must not outlive it).
     */
    public static Authentication authentication(String name, Grant grant, String leg, Instant expires) {
        Map<String, Object> attributes = new HashMap<>(Map.of(ID, grant.id(), MODE, grant.mode(),
                EXPIRES_ATTRIBUTE, expires.getEpochSecond()));
        if (leg != null) {
            attributes.put(LEG_ATTRIBUTE, leg);
        }
        return Authentication.build(name, attributes);
    }

    /** When the token behind the authentication expires; empty for static tokens (and anything else). */
    public static Optional<Instant> expiry(Authentication authentication) {
        Object seconds = authentication == null ? null : authentication.getAttributes().get(EXPIRES_ATTRIBUTE);
        return seconds instanceof Number number ? Optional.of(Instant.ofEpochSecond(number.longValue())) : Optional.empty();
    }

    /** The node a cascade-leg token was minted for, if the authentication came from one. */
    public static String leg(Authentication authentication) {
        Object leg = authentication == null ? null : authentication.getAttributes().get(LEG_ATTRIBUTE);
        return leg instanceof String text ? text : null;
    }

    /** The grant of an authentication made by our validators; null for none or anything else. */
    public static Grant of(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        Object id = authentication.getAttributes().get(ID);
        Object mode = authentication.getAttributes().get(MODE);
        if (id instanceof String text && !text.isEmpty() && mode instanceof Integer bits && AccessMode.isValidMask(bits)) {
            return new Grant(text, bits);
        }
        return null;
    }
}

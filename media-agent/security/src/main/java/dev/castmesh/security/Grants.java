package dev.castmesh.security;

import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/** Carries a {@link Grant} inside a micronaut-security {@link Authentication} (two attributes, never the token). */
public final class Grants {
    public static final String ID = "castmesh.grant.id";
    public static final String MODE = "castmesh.grant.mode";
    /** The JWT claim, and attribute, of a cascade-leg token: the alias of the node that pulls with it. */
    public static final String LEG = "leg";
    private static final String LEG_ATTRIBUTE = "castmesh.grant.leg";

    private Grants() {
    }

    public static Authentication authentication(String name, Grant grant) {
        return Authentication.build(name, Map.of(ID, grant.id(), MODE, grant.mode()));
    }

    /** With the {@code leg} claim of a control-plane cascade token (null: none). */
    public static Authentication authentication(String name, Grant grant, String leg) {
        return leg == null ? authentication(name, grant)
                : Authentication.build(name, Map.of(ID, grant.id(), MODE, grant.mode(), LEG_ATTRIBUTE, leg));
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

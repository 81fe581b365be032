package dev.castmesh.controlplane.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cascade-leg JWTs in recorded requests and names what they are: {@code jwt(a:cam:4)} is a token that
 * fake agent {@code a}'s grant key verifies, for stream {@code cam}, mode 4 (subscribe), with an expiry. A token no
 * fake's key verifies is left as it is, so an agent's own token (never to be passed on) shows as itself.
 */
public final class LegTokenCheck {
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    private LegTokenCheck() {
    }

    static String keyOf(String name) {
        String key = "grant-key-of-" + name + "-";
        return (key + "x".repeat(43)).substring(0, Math.max(43, key.length()));
    }

    static void register(String name) {
        NAMES.add(name);
    }

    public static String redact(String text) {
        Matcher matcher = JWT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(describe(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String describe(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            for (String name : NAMES) {
                if (jwt.verify(new MACVerifier(keyOf(name).getBytes(StandardCharsets.US_ASCII)))) {
                    JWTClaimsSet claims = jwt.getJWTClaimsSet();
                    if (claims.getExpirationTime() == null) {
                        return "jwt(" + name + ":NO-EXPIRY)";
                    }
                    return "jwt(" + name + ":" + claims.getStringClaim("id") + ":" + claims.getLongClaim("mode") + ")";
                }
            }
        } catch (ParseException | JOSEException | RuntimeException e) {
            // not a JWT of ours
        }
        return token;
    }
}

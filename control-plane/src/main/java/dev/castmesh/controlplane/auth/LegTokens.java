package dev.castmesh.controlplane.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.security.Grants;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * The only credentials the control plane hands from one node to another: for one cascade leg, an HS256 JWT with the
 * Live777 claims {@code {id: stream, mode: subscribe | publish, exp}} signed (micronaut-security-jwt's
 * {@link SecretSignature}) with the key the node that will check it reported ({@link NodeState#grantKey()}). So the
 * other end can subscribe to that one stream on that one node, or publish that one stream there, for
 * {@link #TTL}, and nothing else: never the agent's own token.
 */
@Singleton
public final class LegTokens {
    /**
     * Long enough for the leg's set-up (negotiation, a re-attach); the WHEP/WHIP session, once up, needs no token.
     * Its final DELETE after this is refused, and the session is then reaped by the node when its peer goes silent.
     */
    public static final Duration TTL = Duration.ofMinutes(5);

    private final Clock clock;

    LegTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Subscribe to {@code stream} on {@code node} as {@code puller}'s cascade pull (the {@code leg} claim lets the
     * source mark the session {@code ?cascadeTo=puller}, not a viewer); empty when the node reported no key.
     */
    public Optional<String> subscribe(NodeState node, String stream, String puller) {
        return mint(node, new Grant(stream, AccessMode.SUBSCRIBE.bit()), puller);
    }

    /** Publish {@code stream} on {@code node}; empty when the node reported no key. */
    public Optional<String> publish(NodeState node, String stream) {
        return mint(node, new Grant(stream, AccessMode.PUBLISH.bit()), null);
    }

    /**
     * The caller's own rights, narrowed to {@code stream}, for a request the control plane forwards to {@code node} on
     * the caller's behalf (a session's {@code PATCH}/{@code DELETE}): the node then decides what the caller may do to
     * that session (a viewer may not end the publisher's). Empty when the node reported no key.
     */
    public Optional<String> onBehalf(NodeState node, String stream, Grant caller) {
        return mint(node, new Grant(stream, caller.mode()), null);
    }

    private Optional<String> mint(NodeState node, Grant grant, String leg) {
        if (node.grantKey() == null) {
            return Optional.empty();
        }
        SecretSignatureConfiguration key = new SecretSignatureConfiguration("node-grant");
        key.setSecret(node.grantKey());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("id", grant.id())
                .claim("mode", grant.mode())
                .expirationTime(Date.from(clock.instant().plus(TTL)));
        if (leg != null) {
            claims.claim(Grants.LEG, leg);
        }
        try {
            return Optional.of(new SecretSignature(key).sign(claims.build()).serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a cascade token failed", e);
        }
    }
}

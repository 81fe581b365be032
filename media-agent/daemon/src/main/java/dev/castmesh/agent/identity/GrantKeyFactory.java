package dev.castmesh.agent.identity;

import dev.castmesh.agent.config.ClusterConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * A second JWT verification key for micronaut-security-jwt, beside {@code [auth] secret}: the node's grant key, with
 * which the control plane signs the stream-scoped tokens of cascade legs. It only verifies (it is not the
 * {@code generator}); the claims it carries get the same rights table as any token. (An open agent accepts every
 * request anyway; the key is harmless there.)
 */
@Factory
@Requires(beans = ClusterConfig.class)
final class GrantKeyFactory {

    @Singleton
    @Named("node-grant")
    SignatureConfiguration grantKey(NodeIdentityStore store) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("node-grant");
        configuration.setSecret(store.identity().grantKey());
        return new SecretSignature(configuration);
    }
}

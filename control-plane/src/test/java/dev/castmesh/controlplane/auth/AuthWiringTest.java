package dev.castmesh.controlplane.auth;

import dev.castmesh.security.AuthErrorHandler;
import dev.castmesh.security.BearerAuthenticationFetcher;
import dev.castmesh.security.GrantJwtAuthenticationFactory;
import dev.castmesh.security.RouteRightsRule;
import dev.castmesh.security.SignedJwtParser;

import io.micronaut.core.order.OrderUtil;
import io.micronaut.core.type.Argument;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The micronaut-security beans the control plane replaces or adds are the ones in charge. */
class AuthWiringTest {
    @Test
    void ourBeansAreInCharge() {
        try (TestServer server = TestServer.start("[auth]\ntokens = [\"wiring\"]\n")) {
            var context = server.context;
            assertInstanceOf(SignedJwtParser.class, context.getBean(JsonWebTokenParser.class));
            assertInstanceOf(GrantJwtAuthenticationFactory.class, context.getBean(JwtAuthenticationFactory.class));
            assertEquals(1, context.getBeansOfType(SignatureConfiguration.class).size());

            List<AuthenticationFetcher> fetchers = new ArrayList<>(context.getBeansOfType(AuthenticationFetcher.class));
            assertEquals(1, fetchers.size(), fetchers.toString());
            assertInstanceOf(BearerAuthenticationFetcher.class, fetchers.get(0));

            List<SecurityRule> rules = new ArrayList<>(context.getBeansOfType(SecurityRule.class));
            rules.sort(OrderUtil.COMPARATOR);
            assertInstanceOf(RouteRightsRule.class, rules.get(0));

            Object handler = context.getBean(Argument.of(ExceptionHandler.class, AuthorizationException.class, Object.class));
            assertInstanceOf(AuthErrorHandler.class, handler);
        }
    }
}

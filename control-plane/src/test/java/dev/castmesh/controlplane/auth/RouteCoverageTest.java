package dev.castmesh.controlplane.auth;

import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Service;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route the control plane serves must have a row in the rights table. The routes below come from
 * micronaut-management (all its other endpoints are disabled) and have no row on purpose: they stay closed (401/403) to every token. To open
 * one, add its row to {@code RouteRights}; to drop it, disable the endpoint and remove it here.
 */
class RouteCoverageTest {
    private static final Set<String> CLOSED_MANAGEMENT_ENDPOINTS = Set.of("GET /health/{selector}");

    @Test
    void everyServedRouteHasARowOrIsKnownToBeClosed() {
        try (TestServer server = TestServer.start("[auth]\ntokens = [\"coverage-token\"]\n")) {
            AccessPolicy policy = AccessPolicy.forService(Service.CONTROL_PLANE);
            Set<String> unlisted = new TreeSet<>();
            for (UriRouteInfo<?, ?> route : server.context.getBean(Router.class).uriRoutes().toList()) {
                String method = route.getHttpMethodName();
                String template = route.getUriMatchTemplate().toString();
                String path = template.replaceAll("\\{[^}]*}", "x");
                if (policy.match(method, path).isEmpty()) {
                    unlisted.add((method.equals("HEAD") ? "GET" : method) + " " + template);
                }
            }
            assertEquals(new TreeSet<>(CLOSED_MANAGEMENT_ENDPOINTS), unlisted,
                    "routes without a row in RouteRights (add the row, or disable the route)");
            for (String endpoint : CLOSED_MANAGEMENT_ENDPOINTS) {
                String[] parts = endpoint.split(" ");
                HttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), parts[1].replaceAll("\\{[^}]*}", "x"));
                assertEquals(401, server.exchange(request).code(), endpoint);
                assertEquals(403, server.exchange(HttpRequest.create(HttpMethod.valueOf(parts[0]), parts[1].replaceAll("\\{[^}]*}", "x"))
                        .bearerAuth("coverage-token")).code(), endpoint);
            }
        }
    }
}

package dev.castmesh.agent.it;

import dev.castmesh.server.openapi.ApiRoutes;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The agent's {@code GET /openapi.yml}: generated at build time, public while auth is on, and naming exactly the
 * routes of the README's agent table (only micronaut-management's {@code /health} is not a controller of ours).
 */
class OpenApiIT {
    private static final Set<String> MANAGEMENT = Set.of("GET /health");

    @Test
    void theServedDocumentNamesTheReadmeRoutes() throws Exception {
        try (TestAgent agent = TestAgent.start("[auth]\ntokens = [\"openapi-it-token\"]\n")) {
            HttpResponse<String> response = agent.send(agent.request("/openapi.yml"));
            ApiRoutes.assertServed(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), "Castmesh media agent", "Media agent (port 7777)", MANAGEMENT);
        }
    }
}

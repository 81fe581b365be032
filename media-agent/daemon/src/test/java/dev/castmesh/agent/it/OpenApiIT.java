package dev.castmesh.agent.it;

import dev.castmesh.server.openapi.ApiRoutes;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/yaml", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.body().contains("title: Castmesh media agent"), response.body());

            Set<String> documented = new TreeSet<>(ApiRoutes.openApi(response.body()));
            documented.addAll(MANAGEMENT);
            assertEquals(ApiRoutes.readme(ApiRoutes.projectReadme(), "Media agent (port 7777)"), documented,
                    "README's agent table vs /openapi.yml (plus the management endpoint)");
        }
    }
}

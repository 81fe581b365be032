package dev.castmesh.controlplane.openapi;

import dev.castmesh.controlplane.ControlPlane;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.server.openapi.ApiRoutes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /openapi.yml}: the document micronaut-openapi generated from the controllers at build time, served without
 * a token while auth is on, names exactly the routes of the README's control-plane table. Only micronaut-management's
 * endpoints are not in it (they are not controllers of ours).
 */
class OpenApiDocumentTest {
    private static final Set<String> MANAGEMENT = Set.of("GET /health", "GET /metrics");

    @Test
    void theServedDocumentNamesTheReadmeRoutes(@TempDir Path dir) throws Exception {
        String toml = "[http]\nlisten = \"127.0.0.1:0\"\n[database]\nurl = \"sqlite://" + dir.resolve("cp.db") + "?mode=rwc\"\n"
                + "[auth]\ntokens = [\"openapi-test-token\"]\n";
        try (ApplicationContext context = ControlPlane.start(new ControlPlaneConfigLoader(Map.of()).parse(toml))) {
            URI uri = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/openapi.yml");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            ApiRoutes.assertServed(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), "Castmesh control plane", "Control plane (port 8888)", MANAGEMENT);
        }
    }
}

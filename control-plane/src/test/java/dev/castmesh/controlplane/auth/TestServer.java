package dev.castmesh.controlplane.auth;

import dev.castmesh.controlplane.ControlPlane;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;

/** A real control plane on a free port, started through {@link ControlPlane#start}, plus a client for it. */
final class TestServer implements AutoCloseable {
    /** System property that turns on {@link AuthProbeFilter} (test-only). */
    static final String PROBE = "castmesh.test.auth-probe";
    /** System property that turns on {@link RouteShapeFixtures} (test-only). */
    static final String FIXTURES = "castmesh.test.auth-fixtures";

    final ApplicationContext context;
    final HttpClient client;
    final BlockingHttpClient http;

    private TestServer(ApplicationContext context) {
        this.context = context;
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        this.client = context.createBean(HttpClient.class, server.getURL());
        this.http = client.toBlocking();
    }

    /** Starts with {@code [http] listen = "127.0.0.1:0"} followed by {@code authToml}. */
    static TestServer start(String authToml, String... testSwitches) {
        String toml = "[http]\nlisten = \"127.0.0.1:0\"\n" + authToml;
        for (String name : testSwitches) {
            System.setProperty(name, "true");
        }
        try {
            return new TestServer(ControlPlane.start(new ControlPlaneConfigLoader(Map.of()).parse(toml)));
        } finally {
            for (String name : testSwitches) {
                System.clearProperty(name);
            }
        }
    }

    /** Sends the request and returns the response, also for 4xx/5xx. */
    HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    String url() {
        return context.getBean(EmbeddedServer.class).getURL().toString();
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }
}

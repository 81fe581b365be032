package dev.castmesh.agent.it;

import dev.castmesh.agent.MediaAgent;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.gst.client.HttpSdpExchange;
import dev.castmesh.gst.client.PublishSource;
import dev.castmesh.gst.client.VideoCodec;
import dev.castmesh.gst.client.WhepClient;
import dev.castmesh.gst.client.WhepOptions;
import dev.castmesh.gst.client.WhipClient;
import dev.castmesh.server.config.TomlConfigLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real agent ({@link MediaAgent#start}) on 127.0.0.1 and a free port, with an HTTP client and the project's clients. */
final class TestAgent implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final ApplicationContext context;
    final String url;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private TestAgent(ApplicationContext context) {
        this.context = context;
        this.url = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** {@code extraToml} is appended after {@code [http] listen = "127.0.0.1:0"}. */
    static TestAgent start(String extraToml) {
        AgentConfig config = new TomlConfigLoader().parse("[http]\nlisten = \"127.0.0.1:0\"\n" + extraToml, AgentConfig.class);
        return new TestAgent(MediaAgent.start(config));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path));
    }

    /** 320x240 at 30 fps, 300 kbit/s: light enough for a 2-core machine. */
    WhipClient publish(String stream, VideoCodec codec, Optional<String> token) throws Exception {
        WhipClient client = WhipClient.start(PublishSource.test(codec).withVideo(320, 240, 30, 300),
                new HttpSdpExchange(URI.create(url + "/whip/" + stream), token, TIMEOUT), List.of(), TIMEOUT);
        assertTrue(client.awaitConnected(TIMEOUT), "publisher connected");
        return client;
    }

    WhipClient publish(String stream) throws Exception {
        return publish(stream, VideoCodec.VP8, Optional.empty());
    }

    WhepClient play(String stream) throws Exception {
        WhepClient client = WhepClient.start(new HttpSdpExchange(URI.create(url + "/whep/" + stream), Optional.empty(), TIMEOUT),
                WhepOptions.decode());
        assertTrue(client.awaitConnected(TIMEOUT), "viewer connected");
        return client;
    }

    @Override
    public void close() {
        context.close();
    }
}

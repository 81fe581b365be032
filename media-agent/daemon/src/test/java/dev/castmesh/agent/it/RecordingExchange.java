package dev.castmesh.agent.it;

import dev.castmesh.gst.client.HttpStatusException;
import dev.castmesh.gst.client.SdpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** A WHIP/WHEP exchange for the project's clients that keeps the whole 201 (headers too) for the test to inspect. */
final class RecordingExchange implements SdpExchange {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Optional<String> token;
    volatile HttpResponse<String> response;
    volatile String offer;

    RecordingExchange(String endpoint, Optional<String> token) {
        this.endpoint = URI.create(endpoint);
        this.token = token;
    }

    @Override
    public String exchange(String offerSdp) throws IOException, InterruptedException {
        offer = offerSdp;
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TestAgent.TIMEOUT)
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offerSdp));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new HttpStatusException(response.statusCode(), response.body());
        }
        return response.body();
    }

    String location() {
        return response.headers().firstValue("Location").orElseThrow();
    }

    String etag() {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    List<String> header(String name) {
        return response.headers().allValues(name);
    }

    @Override
    public void terminate() {
        // the test deletes sessions itself
    }
}

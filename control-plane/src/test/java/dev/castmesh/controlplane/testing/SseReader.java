package dev.castmesh.controlplane.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent-events client as a browser's EventSource reads a stream: events with their {@code id:} and {@code data:}. */
public final class SseReader implements AutoCloseable {
    /** One event: its id (null if none) and its data lines joined. */
    public record Event(String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread thread;
    public final int status;

    private SseReader(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.thread = new Thread(this::read, "sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code url} with {@code Accept: text/event-stream} and, if given, {@code Last-Event-ID}. */
    public static SseReader open(String url, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseReader(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The next event within {@code timeout}, or null. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The next event's {@code data:} as JSON, within {@code timeout}; fails when none comes or when its {@code id:} is
     * not the JSON's {@code id} (our event streams give both).
     */
    public com.fasterxml.jackson.databind.JsonNode nextJson(Duration timeout) throws Exception {
        Event event = next(timeout);
        org.junit.jupiter.api.Assertions.assertNotNull(event, "no event within " + timeout);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.data());
        org.junit.jupiter.api.Assertions.assertEquals(event.id(), json.get("id").asText(), "the SSE id is the event id");
        return json;
    }

    /** Every line read so far, comments included. */
    public java.util.List<String> lines() {
        return java.util.List.copyOf(lines);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, data.toString()));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        thread.interrupt();
    }
}

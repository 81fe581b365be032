package dev.castmesh.agent.recording;

import dev.castmesh.agent.retry.Backoff;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Recordings-index rows waiting for the control plane: one JSON file per (stream, UTC day) in a directory of the
 * spool, so they survive agent restarts and control-plane outages. One thread sends them all in one
 * {@code PUT /api/recordings} (an upsert, so repeating it is harmless) and deletes them on a 2xx. A refusal of the
 * rows themselves (400, 413, 422) is not retried as a whole: the batch is sent again row by row, and a row the
 * control plane refuses on its own is <em>parked</em> in {@value #PARKED} (the row and a {@code .reason} file with
 * the status and message), logged once and counted ({@code castmesh_agent_recording_index_parked}), so it blocks
 * none behind it; an unreadable row file is parked the same way. Any other answer (a missing token's 401, a 5xx)
 * or no answer keeps them and retries with backoff (1 s doubling to 60 s). Without a control plane
 * ({@code [cluster]} absent) nothing is kept.
 */
final class IndexOutbox implements AutoCloseable {
    static final String DIRECTORY = ".index-outbox";
    static final String PARKED = "parked";
    private static final Logger LOG = LoggerFactory.getLogger(IndexOutbox.class);
    private static final int MAX_BATCH = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final URI endpoint;
    private final Optional<String> token;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Backoff retry = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60),
            () -> ThreadLocalRandom.current().nextDouble());
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "castmesh-index-outbox");
        t.setDaemon(true);
        return t;
    });
    private boolean scheduled;
    private int failures;

    /**
     * @param controlPlane the control plane's base URL; null = standalone, the outbox keeps nothing
     * @param token        bearer token for the control plane, if it needs one
     */
    IndexOutbox(Path spool, String controlPlane, Optional<String> token, ObjectMapper json) {
        this.dir = spool.resolve(DIRECTORY);
        this.endpoint = controlPlane == null ? null : URI.create(controlPlane + "/api/recordings");
        this.token = token;
        this.json = json;
    }

    /** Sends whatever a previous run left in the outbox. */
    void start() {
        if (endpoint != null) {
            wake();
        }
    }

    /** Keeps the row on disk (replacing an older one of the same day) and sends it soon. */
    void add(String stream, LocalDate day, String mpdPath) throws IOException {
        if (endpoint == null) {
            return;
        }
        Files.createDirectories(dir);
        IndexEntry entry = new IndexEntry(stream, day.getYear(), day.getMonthValue(), day.getDayOfMonth(), mpdPath);
        Path file = dir.resolve(day + "_" + stream + ".json");
        Path tmp = dir.resolve(file.getFileName() + ".part");
        Files.write(tmp, json.writeValueAsBytes(entry));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        wake();
    }

    /** Rows not yet acknowledged by the control plane. */
    int size() {
        return entries().size();
    }

    private void wake() {
        try {
            sender.execute(() -> {
                if (!scheduled) {
                    scheduled = true;
                    send();
                }
            });
        } catch (RejectedExecutionException closed) {
            // shutting down: the rows stay on disk for the next start
        }
    }

    private void send() {
        scheduled = false;
        List<Path> files = entries();
        if (files.isEmpty()) {
            return;
        }
        List<Path> batch = files.subList(0, Math.min(MAX_BATCH, files.size()));
        try {
            List<Path> sendable = new ArrayList<>();
            List<IndexEntry> rows = new ArrayList<>();
            for (Path f : batch) {
                try {
                    rows.add(json.readValue(Files.readAllBytes(f), IndexEntry.class));
                    sendable.add(f);
                } catch (IOException unreadable) {
                    park(f, "unreadable row: " + abbreviate(String.valueOf(unreadable.getMessage())));
                }
            }
            HttpResponse<String> response = rows.isEmpty() ? null : put(rows);
            if (response != null && refusesRows(response.statusCode())) {
                sendOneByOne(sendable, rows);
            } else if (response != null && response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            } else {
                for (Path f : sendable) {
                    Files.deleteIfExists(f);
                }
            }
            if (failures > 0) {
                LOG.info("recordings index: control plane took {} row(s) after {} failed attempt(s)", rows.size(), failures);
            }
            failures = 0;
            if (files.size() > batch.size()) {
                wake();
            }
        } catch (IOException e) {
            retryLater(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            retryLater(e.toString());
        }
    }

    /** After a batch was refused: each row alone; one refused alone is parked, any other failure retries later. */
    private void sendOneByOne(List<Path> files, List<IndexEntry> rows) throws IOException, InterruptedException {
        for (int i = 0; i < files.size(); i++) {
            HttpResponse<String> response = put(List.of(rows.get(i)));
            if (response.statusCode() / 100 == 2) {
                Files.deleteIfExists(files.get(i));
            } else if (refusesRows(response.statusCode())) {
                park(files.get(i), "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            } else {
                throw new IOException("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
        }
    }

    private HttpResponse<String> put(List<IndexEntry> rows) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(rows)));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Statuses that judge the rows, not the moment: sending them again unchanged cannot succeed. */
    private static boolean refusesRows(int status) {
        return status == 400 || status == 413 || status == 422;
    }

    /** Moves a row out of the way with why it was refused; the reason file is written first. */
    private void park(Path file, String reason) throws IOException {
        Path parked = Files.createDirectories(dir.resolve(PARKED));
        Path target = parked.resolve(file.getFileName());
        Files.writeString(parked.resolve(file.getFileName() + ".reason"), reason + "\n");
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.atWarn().addKeyValue("row", file.getFileName().toString()).addKeyValue("reason", reason)
                .log("recordings index: row parked in {} (it is not sent again)", dir.relativize(target));
    }

    /** Rows the control plane refused, kept in {@value #PARKED} with their reason. */
    int parked() {
        Path parked = dir.resolve(PARKED);
        if (!Files.isDirectory(parked)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(parked)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private void retryLater(String why) {
        failures++;
        Duration wait = retry.after(failures);
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("recordings index: cannot reach {} ({}); {} row(s) kept, retrying in {} ms", endpoint, why,
                    entries().size(), wait.toMillis());
        }
        scheduled = true;
        try {
            sender.schedule(this::send, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    private List<Path> entries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String abbreviate(String body) {
        String one = body == null ? "" : body.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}

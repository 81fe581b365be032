package dev.castmesh.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One test peer of {@code src/test/peers} (written by others) as a process: JSON lines from stdout are
 * collected, stderr goes to a file, and {@link #close} always kills it. A missing Node or {@code npm ci}
 * fails the test with a message instead of skipping.
 */
final class Peer implements AutoCloseable {
    static final Path DIR = Path.of("src/test/peers").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private final String name;
    private volatile java.util.function.Consumer<JsonNode> listener = e -> { };

    private Peer(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::read, "peer-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code node <script> args...}; {@code duration} is the peer's own --duration. */
    static Peer start(String script, String... args) throws IOException {
        return startAs(RunAs.SELF, script, args);
    }

    /** The same, run as {@code runAs} (the peer scripts and node_modules must be readable by that user). */
    static Peer startAs(RunAs runAs, String script, String... args) throws IOException {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new IllegalStateException("test peers are not installed: run `npm ci` in " + DIR + " (./castmesh test does)");
        }
        Path dir = runAs.readableDirectory(DIR);
        List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        File log = Files.createTempFile("castmesh-peer-", ".log").toFile();
        Process process = new ProcessBuilder(runAs.wrap(command)).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.to(log)).start();
        return new Peer(script + " " + String.join(" ", args) + (runAs.isSelf() ? "" : " as " + runAs)
                + " (stderr in " + log + ")", process);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{")) {
                    try {
                        JsonNode event = JSON.readTree(line);
                        listener.accept(event);
                        events.add(event);
                    } catch (IOException e) {
                        // not one of the peer's JSON lines
                    }
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** Called on the reader thread for each event as it arrives (to sample something at the same moment). */
    void onEvent(java.util.function.Consumer<JsonNode> consumer) {
        this.listener = consumer;
    }

    /** The first event with this {@code event} name, waiting up to {@code wait}. */
    Optional<JsonNode> await(String event, Duration wait) throws InterruptedException {
        return await(e -> event.equals(e.path("event").asText()), wait);
    }

    Optional<JsonNode> await(Predicate<JsonNode> match, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                for (JsonNode e : events) {
                    if (match.test(e)) {
                        return Optional.of(e);
                    }
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        synchronized (events) {
            return events.stream().filter(match).findFirst();
        }
    }

    /** The final {@code result} event; fails with the peer's {@code error} event if there is one instead. */
    JsonNode result(Duration wait) throws InterruptedException {
        Optional<JsonNode> end = await(e -> {
            String ev = e.path("event").asText();
            return ev.equals("result") || ev.equals("error");
        }, wait);
        JsonNode node = end.orElseThrow(() -> new AssertionError(name + ": no result within " + wait.toSeconds() + " s"));
        if (node.path("event").asText().equals("error")) {
            throw new AssertionError(name + ": " + node);
        }
        return node;
    }

    /** Events whose {@code event} is {@code name}, so far. */
    List<JsonNode> events(String event) {
        synchronized (events) {
            return events.stream().filter(e -> event.equals(e.path("event").asText())).toList();
        }
    }

    /** SIGTERM (the peer DELETEs its session and exits), then SIGKILL to it and its children after 5 s. */
    @Override
    public void close() {
        ProcessTree.stop(process, 5);
    }
}

package dev.castmesh.gst.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test peer written by others (media-agent/daemon/src/test/peers, run {@code npm ci} there first), started
 * as a node process. It prints one JSON object per line; this keeps the lines and finds events in them.
 * The process is bounded by the script's own hard limit and killed on close.
 */
final class NodePeer implements AutoCloseable {
    static final Path PEERS = Path.of("..", "media-agent", "daemon", "src", "test", "peers").toAbsolutePath().normalize();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StringBuilder stderr = new StringBuilder();

    private NodePeer(Process process) {
        this.process = process;
        Thread out = new Thread(() -> drain(process.getInputStream(), lines::add), "peer-stdout");
        Thread err = new Thread(() -> drain(process.getErrorStream(), l -> {
            synchronized (stderr) {
                stderr.append(l).append('\n');
            }
        }), "peer-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Fails (not skips) when node or the peers' node_modules are missing: ./castmesh test installs them. */
    static NodePeer start(String script, String... args) throws IOException {
        if (!Files.isDirectory(PEERS.resolve("node_modules"))) {
            throw new AssertionError("test peers not installed: run 'npm ci' in " + PEERS + " (./castmesh test does)");
        }
        List<String> command = new ArrayList<>(List.of("node", PEERS.resolve(script).toString()));
        command.addAll(List.of(args));
        return new NodePeer(new ProcessBuilder(command).directory(PEERS.toFile()).start());
    }

    /** Waits for the first line with {@code "event":"<event>"}; returns it (or empty after the wait or at exit). */
    Optional<String> await(String event, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String marker = "\"event\":\"" + event + "\"";
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(marker)) {
                    return Optional.of(line);
                }
            }
            if (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(marker))) {
                Thread.sleep(100);
                return lines.stream().filter(l -> l.contains(marker)).findFirst();
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /** Waits for the process to end by itself; returns its result line. */
    Optional<String> result(Duration wait) throws InterruptedException {
        process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        return await("result", Duration.ofMillis(500));
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** A numeric field after {@code "<object>":{…"<field>":} in a JSON line, e.g. number(line, "video", "packets"). */
    static long number(String line, String object, String field) {
        int from = object.isEmpty() ? 0 : line.indexOf("\"" + object + "\":{");
        if (from < 0) {
            return -1;
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(-?\\d+)").matcher(line);
        return m.find(from) ? Long.parseLong(m.group(1)) : -1;
    }

    static String string(String line, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":\"([^\"]*)\"").matcher(line);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void drain(java.io.InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}

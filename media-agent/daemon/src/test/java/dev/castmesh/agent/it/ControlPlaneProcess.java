package dev.castmesh.agent.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real control plane, from its runnable jar, in a JVM of its own (its Micronaut beans must not share a
 * classpath with the agent's), with SQLite in a temporary directory and a cluster secret. The jar is built by
 * the reactor before this module (test-scoped dependency); failsafe passes its path.
 */
final class ControlPlaneProcess implements AutoCloseable {
    static final String CLUSTER_SECRET = "it-cluster-secret-0123456789";

    final String url;
    final Path log;
    private final Process process;

    private ControlPlaneProcess(String url, Path log, Process process) {
        this.url = url;
        this.log = log;
        this.process = process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts it on {@code port} and waits until {@code /health} answers 200. */
    /** An agent's {@code [cluster]} section towards the control plane on {@code cpPort}: region "it", heartbeats every 1 s. */
    static String agentCluster(int cpPort, String alias, String secret) {
        return """
                [cluster]
                control_plane = "http://127.0.0.1:%d"
                alias = "%s"
                region = "it"
                secret = "%s"
                heartbeat_interval = 1
                """.formatted(cpPort, alias, secret);
    }

    static ControlPlaneProcess start(int port, Path dir) throws Exception {
        return start(port, dir, "");
    }

    /** Same, with {@code extraToml} (whole sections, e.g. {@code [relay]}) after the built-in config. */
    static ControlPlaneProcess start(int port, Path dir, String extraToml) throws Exception {
        return start(port, dir, "", extraToml);
    }

    /** Same, with {@code clusterKeys} (lines such as {@code region = "hq"}) added to the built-in {@code [cluster]}. */
    static ControlPlaneProcess start(int port, Path dir, String clusterKeys, String extraToml) throws Exception {
        String jar = System.getProperty("castmesh.it.controlPlaneJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("control-plane jar not found at " + jar
                    + ": build with the reactor (mvn -pl media-agent/daemon -am verify)");
        }
        Path config = dir.resolve("control-plane.toml");
        Files.writeString(config, """
                [http]
                listen = "127.0.0.1:%d"
                [database]
                url = "sqlite://%s?mode=rwc"
                [cluster]
                secret = "%s"
                offline_after = 3
                """.formatted(port, dir.resolve("castmesh.db"), CLUSTER_SECRET) + clusterKeys + "\n" + extraToml);
        Path log = dir.resolve("control-plane.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--config", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ControlPlaneProcess cp = new ControlPlaneProcess("http://127.0.0.1:" + port, log, process);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("control plane exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(cp.url + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return cp;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        cp.close();
        throw new IllegalStateException("control plane did not answer /health within 90 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

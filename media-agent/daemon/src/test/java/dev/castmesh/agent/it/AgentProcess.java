package dev.castmesh.agent.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real media agent ({@code dev.castmesh.agent.MediaAgent --config FILE}) in a JVM of its own, on 127.0.0.1 and a
 * port chosen here, with its log and working directory in {@code dir}: {@link #kill()} is a real {@code kill -9} of an
 * OS process (nothing of it survives in the test JVM), {@link #close()} a SIGTERM (graceful stop) with a SIGKILL
 * after 15 s. Runs from the test classpath (failsafe's real classpath, not its manifest-only booter jar), as this
 * user or, with {@link #startAs}, as another (its UDP can then be impaired by {@code loss.PacketLoss}).
 */
final class AgentProcess implements AutoCloseable {
    final String alias;
    final String url;
    final Path log;
    private final Process process;
    private final RunAs runAs;

    private AgentProcess(String alias, String url, Path log, Process process, RunAs runAs) {
        this.alias = alias;
        this.url = url;
        this.log = log;
        this.process = process;
        this.runAs = runAs;
    }

    /**
     * Writes {@code [http]} (listen and public on a free port) followed by {@code extraToml} to
     * {@code dir/<alias>.toml}, starts the agent and waits until its {@code /health} answers.
     */
    static AgentProcess start(String alias, Path dir, String extraToml) throws Exception {
        return startAs(RunAs.SELF, alias, dir, extraToml);
    }

    /**
     * The same, run as {@code runAs}: its working directory (and the config) are then in that user's home, the
     * classpath is made readable for it, and only the log stays in {@code dir}.
     */
    static AgentProcess startAs(RunAs runAs, String alias, Path dir, String extraToml) throws Exception {
        int port = ControlPlaneProcess.freePort();
        String url = "http://127.0.0.1:" + port;
        Path work = runAs.writableDir(dir, alias);
        Path config = (runAs.isSelf() ? dir : work).resolve(alias + ".toml");
        Files.writeString(config, """
                [http]
                listen = "127.0.0.1:%d"
                public = "%s"
                """.formatted(port, url) + extraToml);
        Path log = dir.resolve(alias + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-cp", runAs.readableClasspath(classpath()),
                "dev.castmesh.agent.MediaAgent", "--config", config.toString());
        Process process = new ProcessBuilder(runAs.wrap(command))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AgentProcess agent = new AgentProcess(alias, url, log, process, runAs);
        try {
            agent.awaitHealth(Duration.ofSeconds(60));
            return agent;
        } catch (Exception | AssertionError e) {
            agent.kill();
            throw e;
        }
    }

    private static String classpath() {
        String real = System.getProperty("surefire.test.class.path");
        return real != null && !real.isBlank() ? real : System.getProperty("java.class.path");
    }

    private void awaitHealth(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agent " + alias + " exited: " + logText());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() / 100 == 2 || health.statusCode() == 503) {
                    return; // 503: up, but not registered yet
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("agent " + alias + " did not answer /health within " + timeout.toSeconds()
                + " s: " + logText());
    }

    /** The agent JVM's pid (under {@code runuser}, its child). */
    long pid() {
        return runAs.isSelf() ? process.pid()
                : process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: SIGKILL, and waits until the OS has reaped the process. */
    void kill() throws InterruptedException {
        if (!ProcessTree.kill(process)) {
            throw new IllegalStateException("agent " + alias + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited 15 s later. */
    @Override
    public void close() {
        ProcessTree.stop(process, 15);
    }
}

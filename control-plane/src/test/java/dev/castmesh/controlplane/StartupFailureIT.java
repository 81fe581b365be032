package dev.castmesh.controlplane;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real {@code main} in a separate JVM: a bad configuration or database is one line on stderr and exit 2. */
class StartupFailureIT {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, List<String> stderr, String stdout) {
        String line() {
            assertEquals(1, stderr.size(), "exactly one line on stderr: " + stderr);
            return stderr.get(0);
        }
    }

    private Outcome run(String toml, Map<String, String> env) throws IOException, InterruptedException {
        Path config = dir.resolve("control-plane.toml");
        Files.writeString(config, toml);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ControlPlane.class.getName(), "--config", config.toString())
                .directory(dir.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("PORT");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("control plane did not exit");
        }
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        System.out.println("exit " + process.exitValue() + ": " + stderr.strip());
        return new Outcome(process.exitValue(), lines, stdout);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void unreachablePostgresqlIsOneMaskedLine() throws Exception {
        int port = closedPort();
        Outcome outcome = run("[database]\nurl = \"postgresql://castmesh:s3cr%40t@127.0.0.1:" + port + "/live777\"\n"
                + "connect_timeout = 2\n", Map.of());
        assertEquals(2, outcome.exitCode());
        String line = outcome.line();
        assertTrue(line.startsWith("castmesh control-plane: cannot connect to database postgresql://castmesh:***@127.0.0.1:"
                + port + "/live777: "), line);
        assertFalse(line.contains("s3cr"), line);
        assertFalse(outcome.stdout().contains("s3cr") || outcome.stdout().contains("\tat "), outcome.stdout());
    }

    @Test
    void databaseUrlFromTheEnvironmentIsMaskedToo() throws Exception {
        Outcome outcome = run("[http]\nlisten = \"127.0.0.1:0\"\n",
                Map.of("DATABASE_URL", "postgres://u:hunter2@127.0.0.1:" + closedPort() + "/db"));
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.line().contains("postgres://u:***@127.0.0.1:"), outcome.line());
        assertFalse(outcome.line().contains("hunter2"));
    }

    @Test
    void unsupportedSchemeNamesTheKey() throws Exception {
        Outcome outcome = run("[database]\nurl = \"mysql://root:hunter2@db:3306/live777\"\n", Map.of());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.line().startsWith("castmesh control-plane: configuration error: "), outcome.line());
        assertTrue(outcome.line().contains("control-plane.toml: key 'database.url': unsupported database scheme 'mysql'"), outcome.line());
        assertFalse(outcome.line().contains("hunter2"));
    }

    @Test
    void malformedFileUnknownKeyAndWrongTypeAreOneLine() throws Exception {
        assertTrue(run("[database\n", Map.of()).line().contains("malformed TOML at line 1"));
        assertTrue(run("[database]\nmax_conections = 3\n", Map.of()).line().contains("unknown key 'database.max_conections'"));
        Outcome wrongType = run("[database]\nconnect_timeout = \"30s\"\n", Map.of());
        assertEquals(2, wrongType.exitCode());
        assertTrue(wrongType.line().endsWith("key 'database.connect_timeout': expected a number of seconds"), wrongType.line());
    }

    @Test
    void takenPortIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run("[http]\nlisten = \"127.0.0.1:" + taken.getLocalPort() + "\"\n"
                    + "[database]\nurl = \"sqlite::memory:\"\n", Map.of());
            assertEquals(2, outcome.exitCode());
            assertEquals("castmesh control-plane: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use", outcome.line());
            assertFalse(outcome.stdout().contains("\n\tat "), outcome.stdout());
        }
    }

    @Test
    void missingSqliteFileWithoutCreateModeIsOneLine() throws Exception {
        Outcome outcome = run("[database]\nurl = \"sqlite://./missing.db?mode=rw\"\n", Map.of());
        assertEquals(2, outcome.exitCode());
        assertEquals("castmesh control-plane: cannot open database sqlite://./missing.db?mode=rw: file ./missing.db does not"
                + " exist (mode=rw opens an existing file; use ?mode=rwc to create it)", outcome.line());
    }
    @Test
    void badPullRuleRegexIsOneLineNamingTheKey() throws Exception {
        Outcome outcome = run("[[cascade.pull]]\nmatch = \"live-(\"\nsource = \"$1\"\n", Map.of());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.line().endsWith("control-plane.toml: key 'cascade.pull[0].match': not a valid regular expression"
                + " (Unclosed group near index 6)"), outcome.line());
    }
}

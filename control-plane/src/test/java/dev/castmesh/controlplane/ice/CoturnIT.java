package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Credentials minted by {@link CoturnCredentials} against a real coturn ({@code turnserver --use-auth-secret}, Debian
 * package {@code coturn}, installed by {@code ./castmesh test}): {@code turnutils_uclient} allocates a relay and
 * echoes data through it with them, and cannot allocate with a wrong secret or an expired username.
 */
class CoturnIT {
    private static final String SECRET = "coturn-it-secret";
    private static Process turnserver;
    private static int port;
    private static Path log;

    @BeforeAll
    static void startTurnserver() throws Exception {
        for (String binary : List.of("turnserver", "turnutils_uclient")) {
            if (!Files.isExecutable(Path.of("/usr/bin", binary))) {
                fail("/usr/bin/" + binary + " is missing: install the Debian package coturn (./castmesh setup --with-tests)");
            }
        }
        port = freePort();
        int relayMin = 50_000 + (int) (ProcessHandle.current().pid() % 1000) * 10;
        log = Files.createTempFile("turnserver", ".log");
        turnserver = new ProcessBuilder("turnserver", "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + port, "--use-auth-secret", "--static-auth-secret=" + SECRET, "--realm=castmesh.test",
                "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--min-port=" + relayMin,
                "--max-port=" + (relayMin + 9), "--log-file=stdout", "--simple-log")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log).contains("Total General servers")) {
            if (!turnserver.isAlive() || System.nanoTime() > deadline) {
                fail("turnserver did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopTurnserver() throws Exception {
        if (turnserver != null) {
            turnserver.destroy();
            turnserver.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP port of that number is taken: try another
            }
        }
        throw new IOException("no free TCP+UDP port");
    }

    /** Exit status and output of turnutils_uclient allocating with these credentials and echoing 4 messages. */
    private static List<String> allocate(IceServer server) throws Exception {
        List<String> command = new ArrayList<>(List.of("turnutils_uclient", "-p", Integer.toString(port),
                "-u", server.username(), "-w", server.credential(), "-n", "1", "-m", "1", "-l", "100", "-y",
                "-e", "127.0.0.1", "127.0.0.1"));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes());
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            fail("turnutils_uclient hung: " + output);
        }
        return List.of(Integer.toString(client.exitValue()), output);
    }

    private static CoturnCredentials coturn(String secret) {
        return new CoturnCredentials(secret, List.of("turn:127.0.0.1:" + port + "?transport=udp"), Duration.ofHours(1));
    }

    @Test
    void mintedCredentialsAllocateAndRelay() throws Exception {
        List<String> result = allocate(coturn(SECRET).mint(Instant.now(), "agent-1"));
        assertEquals("0", result.get(0), result.get(1));
        assertTrue(result.get(1).contains("tot_recv_bytes ~ 400"), result.get(1));
    }

    @Test
    void wrongSecretCannotAllocate() throws Exception {
        List<String> result = allocate(coturn("not-" + SECRET).mint(Instant.now(), null));
        assertNotEquals("0", result.get(0), result.get(1));
        assertTrue(result.get(1).contains("Cannot complete Allocation"), result.get(1));
    }

    @Test
    void expiredCredentialsCannotAllocate() throws Exception {
        List<String> result = allocate(coturn(SECRET).mint(Instant.now().minus(Duration.ofHours(2)), null));
        assertNotEquals("0", result.get(0), result.get(1));
        assertTrue(result.get(1).contains("Cannot complete Allocation"), result.get(1));
    }
}

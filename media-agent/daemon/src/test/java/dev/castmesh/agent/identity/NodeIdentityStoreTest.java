package dev.castmesh.agent.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's identity file: owner-only, kept across restarts, tied to the control plane and alias it came from. */
class NodeIdentityStoreTest {
    @TempDir
    Path dir;

    @Test
    void aGrantKeyIsMadeOnceAndTheCredentialIsKeptOwnerOnly() throws Exception {
        Path file = dir.resolve("state/node-identity.json");
        NodeIdentityStore first = new NodeIdentityStore(file);
        String key = first.identity().grantKey();
        assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
        assertNull(first.identity().credentialFor("http://cp:8888", "agent-1"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        first.enrolled("http://cp:8888", "agent-1", "the-credential");
        NodeIdentityStore restarted = new NodeIdentityStore(file);
        assertEquals(key, restarted.identity().grantKey(), "the key survives restarts");
        assertEquals("the-credential", restarted.identity().credentialFor("http://cp:8888", "agent-1"));
        assertNull(restarted.identity().credentialFor("http://other:8888", "agent-1"), "another control plane");
        assertNull(restarted.identity().credentialFor("http://cp:8888", "agent-2"), "another alias");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.notExists(file.resolveSibling("node-identity.json.tmp")));
        assertTrue(!restarted.identity().toString().contains("the-credential"));
    }
}

package dev.castmesh.agent.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.agent.config.ClusterConfig;
import dev.castmesh.server.config.ConfigException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The agent's {@link NodeIdentity} in {@code [cluster] identity_file}: read at start (a grant key is made and written
 * when there is none), rewritten when an enrolment answers a credential. The file is created with mode 0600 (owner
 * only) and replaced atomically, so a crash never leaves half a credential. Its content is never logged.
 */
@Singleton
@Requires(beans = ClusterConfig.class)
public final class NodeIdentityStore {
    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityStore.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private volatile NodeIdentity identity;

    public NodeIdentityStore(ClusterConfig cluster) {
        this(Path.of(cluster.identityFile()));
    }

    NodeIdentityStore(Path file) {
        this.file = file.toAbsolutePath();
        NodeIdentity read = read(this.file);
        if (read == null || read.grantKey() == null) {
            read = new NodeIdentity(read == null ? null : read.controlPlane(), read == null ? null : read.alias(),
                    read == null ? null : read.credential(), newGrantKey());
            write(read);
        }
        this.identity = read;
    }

    public NodeIdentity identity() {
        return identity;
    }

    /** Keeps the credential an enrolment answered; the agent heartbeats with it from now on. */
    public synchronized void enrolled(String controlPlane, String alias, String credential) {
        NodeIdentity next = identity.enrolled(controlPlane, alias, credential);
        write(next);
        identity = next;
        LOG.info("cluster: enrolled as '{}'; the node credential is kept in {} (mode 0600)", alias, file);
    }

    Path file() {
        return file;
    }

    private static NodeIdentity read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), NodeIdentity.class);
        } catch (IOException e) {
            throw new ConfigException("cluster.identity_file " + file + " is not readable node identity JSON ("
                    + e.getClass().getSimpleName() + "); move it away to enrol again (an admin must delete the node first)");
        }
    }

    private void write(NodeIdentity value) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.write(temp, JSON.writeValueAsBytes(value));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the node identity to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String newGrantKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}

package dev.castmesh.agent.recording;

import dev.castmesh.storage.StorageConfig;
import dev.castmesh.storage.StorageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ties the spool's day state (manifests, upload journals, the highest segments kept for numbering) to the storage it
 * was written for. {@value #FILE} names that storage (type, endpoint, bucket, root: never a credential). When the
 * agent starts with another {@code [recorder.storage]}, the spool's day directories are moved to
 * {@code .detached/{millis}/} (nothing is deleted: files not yet uploaded to the old storage are still there), so a
 * day recorded from now on starts clean in the new storage instead of appending to a manifest whose segments only
 * the old storage has. A spool without the file (first start, or written before it existed) is bound to the current
 * storage as it is; so is one that was its own storage (fs root = spool: every file is still there, and the new
 * storage receives all of it). The index outbox is not storage state and stays.
 */
final class SpoolBinding {
    static final String FILE = ".storage";
    static final String DETACHED = ".detached";
    private static final Logger LOG = LoggerFactory.getLogger(SpoolBinding.class);

    private SpoolBinding() {
    }

    /** Where recordings go, as a stable line without credentials. */
    static String identity(StorageConfig storage, Path spool) {
        if (storage.type() == StorageType.FS) {
            return "fs " + Path.of(storage.root()).toAbsolutePath().normalize();
        }
        String root = storage.root() == null ? "" : storage.root().replaceAll("^/+|/+$", "");
        return "s3 " + (storage.endpoint() == null ? "aws" : storage.endpoint().replaceAll("/+$", "")) + " "
                + storage.bucket() + " " + root;
    }

    /** @return the directory the old day state was moved to, or null when the spool already belonged to this storage */
    static Path bind(Path spool, String identity, Clock clock) {
        Path file = spool.resolve(FILE);
        try {
            Files.createDirectories(spool);
            String bound = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
            if (identity.equals(bound)) {
                return null;
            }
            Path detached = null;
            // A spool that was its own storage still holds every file: the new storage gets all of it, consistently.
            boolean wasItsOwnStorage = ("fs " + spool.toAbsolutePath().normalize()).equals(bound);
            if (bound != null && !wasItsOwnStorage) {
                List<Path> days;
                try (Stream<Path> entries = Files.list(spool)) {
                    days = entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
                }
                if (!days.isEmpty()) {
                    detached = Files.createDirectories(spool.resolve(DETACHED).resolve(Long.toString(clock.millis())));
                    for (Path day : days) {
                        Files.move(day, detached.resolve(day.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                LOG.atWarn().addKeyValue("was", bound).addKeyValue("now", identity)
                        .log("recorder: [recorder.storage] changed; the spool's day state of the old storage was moved to {}",
                                detached == null ? "(nothing to move)" : spool.relativize(detached));
            }
            Path tmp = spool.resolve(FILE + ".part");
            Files.writeString(tmp, identity + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return detached;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the recording spool " + spool + " to its storage", e);
        }
    }
}

package dev.castmesh.agent.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What of one day directory is already in storage, kept in {@code {day}/.uploaded} so that it survives agent
 * restarts. Append-only lines: {@code F <relative file>} after a file's upload, {@code M <sha-256>} after a
 * manifest version's upload, {@code I} once the day's index entry is in the outbox. A crash between an upload
 * and its line only repeats that upload (uploads are idempotent). Thread-safe.
 */
final class UploadJournal {
    static final String FILE_NAME = ".uploaded";

    private final Path file;
    private final Set<String> uploaded = ConcurrentHashMap.newKeySet();
    private volatile String manifestHash;
    private volatile boolean indexed;

    private UploadJournal(Path file) {
        this.file = file;
    }

    /** Reads the journal of {@code dayDir}; none yet = empty. A torn last line is ignored. */
    static UploadJournal open(Path dayDir) {
        UploadJournal j = new UploadJournal(dayDir.resolve(FILE_NAME));
        if (!Files.exists(j.file)) {
            return j;
        }
        try {
            List<String> lines = Files.readAllLines(j.file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("F ")) {
                    j.uploaded.add(line.substring(2));
                } else if (line.startsWith("M ") && line.length() == 2 + 64) {
                    j.manifestHash = line.substring(2);
                } else if (line.equals("I")) {
                    j.indexed = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload journal " + j.file, e);
        }
        return j;
    }

    boolean isUploaded(String relativeFile) {
        return uploaded.contains(relativeFile);
    }

    boolean hasManifest(String sha256) {
        return sha256.equals(manifestHash);
    }

    boolean indexed() {
        return indexed;
    }

    synchronized void fileUploaded(String relativeFile) throws IOException {
        append("F " + relativeFile);
        uploaded.add(relativeFile);
    }

    synchronized void manifestUploaded(String sha256Value) throws IOException {
        append("M " + sha256Value);
        manifestHash = sha256Value;
    }

    synchronized void markIndexed() throws IOException {
        append("I");
        indexed = true;
    }

    private void append(String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
    }
}

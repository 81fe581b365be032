package dev.castmesh.agent.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a day that storage holds, and this spool did not write, into the spool so a new recording continues it:
 * the stored manifest and each track's highest stored segment, marked as stored in the day's journal. The recorder
 * then appends a Period and numbers on from there instead of overwriting what is stored. The caller holds the day.
 */
final class StoredDay {
    private static final Logger LOG = LoggerFactory.getLogger(StoredDay.class);
    private static final Pattern SEGMENT = Pattern.compile("([a-z]+)/seg-(\\d+)\\.m4s");

    private StoredDay() {
    }

    static void adopt(ObjectSink sink, SpoolDay day, UploadJournal journal, byte[] storedManifest) throws IOException {
        String hash = SpoolUploader.sha256(storedManifest);
        if (journal.hasManifest(hash)) {
            return; // what storage has is what this spool wrote last
        }
        if (day.mediaFiles().stream().anyMatch(f -> !journal.isUploaded(f.relative()))) {
            LOG.warn("recording {}: storage has another manifest of {} but the spool has unsent files; keeping the spool's",
                    day.stream(), day.date());
            return;
        }
        Map<String, Long> highest = new TreeMap<>();
        for (String key : sink.list(day.relative() + "/")) {
            Matcher m = SEGMENT.matcher(key.substring(day.relative().length() + 1));
            if (m.matches()) {
                highest.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
            }
        }
        for (Map.Entry<String, Long> e : highest.entrySet()) {
            String relative = e.getKey() + "/seg-" + e.getValue() + ".m4s";
            byte[] bytes = sink.get(day.relative() + "/" + relative)
                    .orElseThrow(() -> new IOException("segment " + relative + " vanished from storage"));
            writeAtomically(day.dir().resolve(relative), bytes);
            journal.fileUploaded(relative);
        }
        writeAtomically(day.manifest(), storedManifest);
        journal.manifestUploaded(hash);
        LOG.info("recording {}: continuing the stored manifest of {} (highest segments {})", day.stream(), day.date(),
                highest);
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

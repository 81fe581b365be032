package dev.castmesh.gst.record;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day manifests a killed recorder left {@code dynamic}: found under a recording root and rewritten {@code static},
 * each open Period closed at the end of its longest track (what {@link MpdReader} reads back), so players treat the
 * day as finished and the next recording of that day appends after it. Only for a root no recording writes (agent
 * start-up). Manifests are replaced atomically; one that cannot be read is left as it is (the next recording of
 * that day moves it aside). Directories whose name starts with '.' (the spool's own bookkeeping) are skipped.
 */
public final class UnfinishedDays {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedDays.class);
    private static final Pattern MIN_BUFFER = Pattern.compile("minBufferTime=\"([^\"]+)\"");

    private UnfinishedDays() {
    }

    /** @return the manifests that were made static */
    public static List<Path> finish(Path root, Clock clock) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> manifests = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().equals(DayLayout.MANIFEST)) {
                        manifests.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root, e);
        }
        List<Path> finished = new ArrayList<>();
        for (Path mpd : manifests) {
            try {
                if (finishOne(mpd, clock)) {
                    finished.add(mpd);
                    LOG.info("recorder: {} was left dynamic (the agent stopped while recording); made static",
                            root.relativize(mpd));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("recorder: cannot finish {}: {}", root.relativize(mpd), e.getMessage());
            }
        }
        return finished;
    }

    private static boolean finishOne(Path mpd, Clock clock) throws IOException {
        String xml = Files.readString(mpd);
        if (!xml.contains("type=\"dynamic\"")) {
            return false;
        }
        List<ManifestPeriod> periods = MpdReader.periods(xml);
        if (periods.isEmpty()) {
            return false;
        }
        Matcher buffer = MIN_BUFFER.matcher(xml);
        Duration minBuffer = buffer.find() ? MpdReader.duration(buffer.group(1)) : Duration.ofSeconds(4);
        Manifest m = new Manifest(false, clock.instant(), clock.instant(), minBuffer, minBuffer, periods);
        Path tmp = mpd.resolveSibling(DayLayout.MANIFEST + ".part");
        Files.write(tmp, MpdWriter.write(m).getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, mpd, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}

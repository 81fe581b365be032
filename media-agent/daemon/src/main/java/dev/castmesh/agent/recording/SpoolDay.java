package dev.castmesh.agent.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One day directory of the spool, {@code {stream}/{yyyy}/{mm}/{dd}}, as the recorder writes it (see
 * {@code dev.castmesh.gst.record.DayLayout}): {@code manifest.mpd} and {@code {track}/init-p{N}.mp4},
 * {@code {track}/seg-{n}.m4s}. Files being written ({@code *.part}) and anything else are not part of it.
 *
 * @param relative the day directory relative to the spool root, {@code /}-separated: the storage key prefix
 */
record SpoolDay(String stream, LocalDate date, Path dir, String relative) {
    static final String MANIFEST = "manifest.mpd";
    private static final Pattern MEDIA = Pattern.compile("(init-p(\\d+)\\.mp4|seg-(\\d+)\\.m4s)");
    private static final Pattern TRACK = Pattern.compile("[a-z]+");

    /** A media file of the day, {@code {track}/{name}}. */
    record MediaFile(String relative, Path path, String track, boolean init, long number) {
    }

    /** The day directory of {@code dir} under {@code root}, if {@code dir} is one ({@code stream/yyyy/mm/dd}). */
    static Optional<SpoolDay> of(Path root, Path dir) {
        Path rel = root.relativize(dir);
        if (rel.getNameCount() != 4 || rel.getName(0).toString().startsWith(".")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(rel.getName(1).toString()),
                    Integer.parseInt(rel.getName(2).toString()), Integer.parseInt(rel.getName(3).toString()));
            String relative = rel.getName(0) + "/" + rel.getName(1) + "/" + rel.getName(2) + "/" + rel.getName(3);
            return Optional.of(new SpoolDay(rel.getName(0).toString(), date, dir, relative));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    Path manifest() {
        return dir.resolve(MANIFEST);
    }

    String manifestKey() {
        return relative + "/" + MANIFEST;
    }

    String key(MediaFile f) {
        return relative + "/" + f.relative();
    }

    /**
     * The complete media files in upload order: init segments first (by period), then media segments by number,
     * so that a player never finds a segment before its init segment.
     */
    List<MediaFile> mediaFiles() throws IOException {
        List<MediaFile> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> tracks = Files.list(dir)) {
            for (Path t : tracks.filter(Files::isDirectory).toList()) {
                String track = t.getFileName().toString();
                if (!TRACK.matcher(track).matches()) {
                    continue;
                }
                try (Stream<Path> names = Files.list(t)) {
                    for (Path p : names.toList()) {
                        Matcher m = MEDIA.matcher(p.getFileName().toString());
                        if (m.matches()) {
                            boolean init = m.group(2) != null;
                            long n = Long.parseLong(init ? m.group(2) : m.group(3));
                            files.add(new MediaFile(track + "/" + p.getFileName(), p, track, init, n));
                        }
                    }
                }
            }
        }
        files.sort(Comparator.comparing((MediaFile f) -> !f.init()).thenComparingLong(MediaFile::number)
                .thenComparing(MediaFile::track));
        return files;
    }

    /**
     * Local files that may go once uploaded: every init segment and every media segment but each track's highest,
     * which the recorder reads (with the manifest) to continue the day's numbering after a restart. Pure.
     */
    static List<MediaFile> removable(List<MediaFile> files) {
        List<MediaFile> out = new ArrayList<>();
        for (MediaFile f : files) {
            boolean highest = !f.init() && files.stream()
                    .noneMatch(o -> !o.init() && o.track().equals(f.track()) && o.number() > f.number());
            if (!highest) {
                out.add(f);
            }
        }
        return out;
    }
}

package dev.castmesh.gst.record;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where recordings live, relative to the recording root:
 * <pre>
 * {stream}/{yyyy}/{mm}/{dd}/manifest.mpd
 * {stream}/{yyyy}/{mm}/{dd}/video/init-p{N}.mp4   video/seg-{n}.m4s
 * {stream}/{yyyy}/{mm}/{dd}/audio/init-p{N}.mp4   audio/seg-{n}.m4s
 * </pre>
 * The day is the UTC day. A stream name may contain {@code /} (it becomes sub-directories) but no empty,
 * {@code .} or {@code ..} part and only {@code [A-Za-z0-9._-]} characters. Pure.
 */
public final class DayLayout {
    public static final String MANIFEST = "manifest.mpd";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._-]+");

    private DayLayout() {
    }

    /** {@code {stream}/{yyyy}/{mm}/{dd}}, relative, with {@code /} separators whatever the platform. */
    public static String dayPath(String stream, LocalDate day) {
        requireValid(stream);
        return String.format(Locale.ROOT, "%s/%04d/%02d/%02d", stream, day.getYear(), day.getMonthValue(),
                day.getDayOfMonth());
    }

    /** {@code {stream}/{yyyy}/{mm}/{dd}/manifest.mpd}: the {@code mpd_path} of the recordings index. */
    public static String manifestPath(String stream, LocalDate day) {
        return dayPath(stream, day) + "/" + MANIFEST;
    }

    public static Path dayDirectory(Path root, String stream, LocalDate day) {
        return root.resolve(dayPath(stream, day));
    }

    /** Whether a stream name can be recorded under a root without escaping it. */
    public static boolean isValid(String stream) {
        if (stream == null || stream.isEmpty() || stream.length() > 256) {
            return false;
        }
        for (String part : stream.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || !PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    static void requireValid(String stream) {
        if (!isValid(stream)) {
            throw new IllegalArgumentException("stream name '" + stream + "' cannot be recorded: use [A-Za-z0-9._-]"
                    + " parts separated by '/', without '.' or '..' parts");
        }
    }
}

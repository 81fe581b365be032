package dev.castmesh.gst.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ffprobe / ffmpeg, the independent readers of what the recorder wrote. */
final class Probe {
    private static final Pattern FRAMES = Pattern.compile("frame=\\s*(\\d+)");

    private Probe() {
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + code + "): " + out);
        }
        return out;
    }

    /** ffprobe's format duration of a file or MPD, seconds. */
    static double duration(Path file) throws IOException, InterruptedException {
        return Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", file.toString())).strip());
    }

    /** codec_name of each stream, in order. */
    static List<String> codecs(Path file) throws IOException, InterruptedException {
        return List.of(run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                file.toString())).strip().split("\\s+")).stream().distinct().toList();
    }

    /** Video frames ffmpeg decodes from the input ({@code ffmpeg -i x -map 0:v:0 -f null -}). */
    static long decodedVideoFrames(Path file) throws IOException, InterruptedException {
        String out = run(List.of("ffmpeg", "-nostdin", "-v", "info", "-i", file.toString(), "-map", "0:v:0", "-f", "null",
                "-"));
        Matcher m = FRAMES.matcher(out);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /** Whether the first video frame of init + segment is a key frame, according to ffprobe. */
    static boolean startsWithKeyframe(Path init, Path segment, Path scratch) throws IOException, InterruptedException {
        Path joined = scratch.resolve("joined-" + segment.getFileName() + ".mp4");
        Files.write(joined, concat(Files.readAllBytes(init), Files.readAllBytes(segment)));
        String out = run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_frames", "-read_intervals",
                "%+#1", "-show_entries", "frame=key_frame,pict_type", "-of", "csv=p=0", joined.toString())).strip();
        Files.delete(joined);
        List<String> lines = new ArrayList<>(List.of(out.split("\\R")));
        return !lines.isEmpty() && lines.get(0).startsWith("1");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

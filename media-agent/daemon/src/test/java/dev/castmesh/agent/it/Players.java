package dev.castmesh.agent.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ffprobe and ffmpeg (players written by others) reading a DASH manifest over HTTP with a bearer token; the dash
 * demuxer sends the same {@code -headers} with every segment request.
 */
final class Players {
    private static final Pattern FRAME = Pattern.compile("(?m)^frame=(\\d+)$");

    private Players() {
    }

    /** {@code format=duration} of the manifest at {@code url}, seconds. */
    static double ffprobeDuration(String url, String token) throws Exception {
        return Double.parseDouble(run(withInput(List.of("ffprobe", "-v", "error"), url, token,
                List.of("-show_entries", "format=duration", "-of", "csv=p=0"))).strip());
    }

    /**
     * Video frames ffmpeg decodes from the first video stream: decoded to a null sink with frame timing passed
     * through (no frames duplicated or dropped to fit an output rate), counted by its final {@code -progress} line.
     */
    static long ffmpegDecodedVideoFrames(String url, String token) throws Exception {
        String out = run(withInput(List.of("ffmpeg", "-nostdin", "-v", "error", "-nostats"), url, token,
                List.of("-map", "0:v:0", "-fps_mode", "passthrough", "-f", "null", "-progress", "pipe:1", "-")));
        Matcher m = FRAME.matcher(out);
        long frames = -1;
        while (m.find()) {
            frames = Long.parseLong(m.group(1));
        }
        if (frames < 0) {
            throw new AssertionError("no frame count in ffmpeg's progress: " + out);
        }
        return frames;
    }

    private static List<String> withInput(List<String> head, String url, String token, List<String> tail) {
        List<String> command = new ArrayList<>(head);
        Optional.ofNullable(token).ifPresent(t -> command.addAll(List.of("-headers", "Authorization: Bearer " + t + "\r\n")));
        command.addAll(List.of("-i", url));
        command.addAll(tail);
        return command;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), command.get(0) + " " + command.get(command.indexOf("-i") + 1) + ": " + out);
        return out;
    }
}

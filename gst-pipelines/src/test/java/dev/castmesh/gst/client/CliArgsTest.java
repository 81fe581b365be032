package dev.castmesh.gst.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliArgsTest {

    @Test
    void parsesPositionalsOptionsAndFlags() {
        CliArgs a = CliArgs.parse(new String[]{"play", "http://h/whep/s", "--out", "x.mkv", "--duration", "2.5", "--decode"},
                Set.of("--out", "--duration"), Set.of("--decode"));
        assertEquals(List.of("http://h/whep/s"), a.positionalAfter("play"));
        assertEquals(Optional.of("x.mkv"), a.option("--out"));
        assertEquals(Optional.of(Duration.ofMillis(2500)), a.seconds("--duration"));
        assertTrue(a.flag("--decode"));
        assertEquals(List.of("http://h/whep/s"), CliArgs.parse(new String[]{"http://h/whep/s"}, Set.of(), Set.of())
                .positionalAfter("play"));
    }

    @Test
    void takesExactlyOneUrl() {
        assertEquals(java.net.URI.create("http://h/whep/s"),
                CliArgs.parse(new String[]{"play", "http://h/whep/s"}, Set.of(), Set.of()).url("play"));
        assertThrows(IllegalArgumentException.class,
                () -> CliArgs.parse(new String[]{"a", "b"}, Set.of(), Set.of()).url("play"));
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> CliArgs.parse(new String[]{"--nope"}, Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> CliArgs.parse(new String[]{"--token"}, Set.of("--token"), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> CliArgs.parse(new String[]{"--duration", "-1"},
                Set.of("--duration"), Set.of()).seconds("--duration"));
        assertThrows(IllegalArgumentException.class, () -> VideoCodec.parse("vp9"));
        assertEquals(VideoCodec.H264, VideoCodec.parse("H264"));
    }

    @Test
    void usageErrorsExitWith2AndAOneLineMessage() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = PublishCommand.run(new String[]{"publish"}, System.out, new java.io.PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: expected exactly one URL"), err.toString());
        assertEquals(2, PlayCommand.run(new String[]{"u", "--decode", "--out", "f.mkv"}, System.out,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
        assertEquals(2, PublishCommand.run(new String[]{"u", "--source", "/no/such/file.mp4"}, System.out,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
    }
}

package dev.castmesh.gst.record;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MpdWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456Z");

    private static TrackTimeline video(long pto) {
        return new TrackTimeline("video", "video/mp4", "avc1.42e01f", 90_000, pto, "video/init-p0.mp4",
                "video/seg-$Number$.m4s", 1, 1280, 720, 0, 0, 2_000_000,
                List.of(new TrackTimeline.Entry(pto, 360_000), new TrackTimeline.Entry(pto + 360_000, 363_600)));
    }

    private static TrackTimeline audio() {
        return new TrackTimeline("audio", "audio/mp4", "opus", 48_000, 0, "audio/init-p0.mp4", "audio/seg-$Number$.m4s",
                1, 0, 0, 48_000, 2, 64_000, List.of(new TrackTimeline.Entry(0, 192_000), new TrackTimeline.Entry(192_000, 192_000)));
    }

    @Test
    void staticManifestIsWellFormedWithDurationsAndCodecs() throws Exception {
        ManifestPeriod p = new ManifestPeriod("p0", Duration.ZERO, Optional.empty(), List.of(video(9000), audio())).closed();
        String xml = MpdWriter.write(new Manifest(false, T0, T0, Duration.ofSeconds(4), Duration.ofSeconds(4), List.of(p)));
        Document doc = parse(xml);
        assertEquals("MPD", doc.getDocumentElement().getLocalName());
        assertEquals("static", doc.getDocumentElement().getAttribute("type"));
        assertEquals("PT8.040S", doc.getDocumentElement().getAttribute("mediaPresentationDuration"),
                "longest track: (9000 + 723600 - 9000) / 90000 s");
        assertFalse(xml.contains("availabilityStartTime"));
        assertTrue(xml.contains("codecs=\"avc1.42e01f\""));
        assertTrue(xml.contains("codecs=\"opus\""));
        assertTrue(xml.contains("<S t=\"369000\" d=\"363600\"/>"));
        assertTrue(xml.contains("presentationTimeOffset=\"9000\""));
        assertTrue(xml.contains("<AudioChannelConfiguration schemeIdUri=\"urn:mpeg:dash:23003:3:audio_channel_configuration:2011\" value=\"2\"/>"));
        assertTrue(xml.contains("<Period id=\"p0\" start=\"PT0.000S\" duration=\"PT8.040S\">"));
    }

    @Test
    void dynamicManifestHasAvailabilityAndAnOpenLastPeriod() throws Exception {
        ManifestPeriod done = new ManifestPeriod("p0", Duration.ZERO, Optional.empty(), List.of(audio())).closed();
        ManifestPeriod open = new ManifestPeriod("p1", done.end(), Optional.empty(), List.of(video(0)));
        String xml = MpdWriter.write(new Manifest(true, T0, T0.plusSeconds(30), Duration.ofSeconds(4),
                Duration.ofSeconds(4), List.of(done, open)));
        Document doc = parse(xml);
        assertEquals("dynamic", doc.getDocumentElement().getAttribute("type"));
        assertEquals("2026-11-20T10:00:00.123Z", doc.getDocumentElement().getAttribute("availabilityStartTime"));
        assertEquals("PT4.000S", doc.getDocumentElement().getAttribute("minimumUpdatePeriod"));
        assertTrue(xml.contains("<Period id=\"p1\" start=\"PT8.000S\">"), xml);
        assertFalse(xml.contains("mediaPresentationDuration"));
    }

    @Test
    void readerRoundTripsWhatTheWriterWrote() {
        ManifestPeriod p0 = new ManifestPeriod("p0", Duration.ZERO, Optional.empty(), List.of(video(9000), audio())).closed();
        ManifestPeriod p1 = new ManifestPeriod("p1", p0.end(), Optional.empty(), List.of(audio()));
        String xml = MpdWriter.write(new Manifest(true, T0, T0, Duration.ofSeconds(4), Duration.ofSeconds(4), List.of(p0, p1)));
        List<ManifestPeriod> back = MpdReader.periods(xml);
        assertEquals(2, back.size());
        assertEquals(p0, back.get(0));
        assertEquals(p1.closed(), back.get(1), "an open period is read back closed at its longest track");
        assertEquals(Duration.ofMillis(8040), back.get(1).start());
    }

    @Test
    void durationsHaveMillisecondPrecision() {
        assertEquals("PT0.000S", MpdWriter.duration(Duration.ZERO));
        assertEquals("PT3725.007S", MpdWriter.duration(Duration.ofMillis(3_725_007)));
        assertEquals(Duration.ofMillis(3_725_007), MpdReader.duration("PT3725.007S"));
        assertEquals(Duration.ofMinutes(62), MpdReader.duration("PT1H2M"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}

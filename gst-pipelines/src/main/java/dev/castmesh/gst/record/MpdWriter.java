package dev.castmesh.gst.record;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes a {@link Manifest} as an MPEG-DASH MPD (ISO/IEC 23009-1, live profile): per period one
 * AdaptationSet per track, each with a SegmentTemplate ({@code $Number$}) and a SegmentTimeline whose
 * {@code <S t d>} are the fragments' real {@code tfdt} times and durations. Pure.
 */
final class MpdWriter {
    static final String NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";
    static final String PROFILE = "urn:mpeg:dash:profile:isoff-live:2011";
    private static final String CHANNELS_SCHEME = "urn:mpeg:dash:23003:3:audio_channel_configuration:2011";

    private MpdWriter() {
    }

    static String write(Manifest m) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<MPD xmlns=\"").append(NAMESPACE).append("\" profiles=\"").append(PROFILE).append('"');
        if (m.dynamic()) {
            attr(x, "type", "dynamic");
            attr(x, "availabilityStartTime", instant(m.availabilityStartTime()));
            attr(x, "publishTime", instant(m.publishTime()));
            attr(x, "minimumUpdatePeriod", duration(m.updatePeriod()));
        } else {
            attr(x, "type", "static");
            attr(x, "mediaPresentationDuration", duration(m.presentationDuration()));
        }
        attr(x, "minBufferTime", duration(m.minBufferTime()));
        x.append(">\n");
        for (ManifestPeriod p : m.periods()) {
            period(x, p);
        }
        x.append("</MPD>\n");
        return x.toString();
    }

    private static void period(StringBuilder x, ManifestPeriod p) {
        x.append("  <Period");
        attr(x, "id", p.id());
        attr(x, "start", duration(p.start()));
        p.duration().ifPresent(d -> attr(x, "duration", duration(d)));
        x.append(">\n");
        int id = 0;
        for (TrackTimeline t : p.tracks()) {
            track(x, t, id++);
        }
        x.append("  </Period>\n");
    }

    private static void track(StringBuilder x, TrackTimeline t, int id) {
        x.append("    <AdaptationSet");
        attr(x, "id", Integer.toString(id));
        attr(x, "contentType", t.contentType());
        attr(x, "mimeType", t.mimeType());
        attr(x, "startWithSAP", "1");
        x.append(">\n      <Representation");
        attr(x, "id", t.contentType());
        attr(x, "codecs", t.codecs());
        attr(x, "bandwidth", Long.toString(Math.max(1, t.bandwidthBps())));
        if (t.isVideo()) {
            attr(x, "width", Integer.toString(t.width()));
            attr(x, "height", Integer.toString(t.height()));
        } else {
            attr(x, "audioSamplingRate", Integer.toString(t.sampleRate()));
        }
        x.append(">\n");
        if (!t.isVideo() && t.channels() > 0) {
            x.append("        <AudioChannelConfiguration");
            attr(x, "schemeIdUri", CHANNELS_SCHEME);
            attr(x, "value", Integer.toString(t.channels()));
            x.append("/>\n");
        }
        x.append("        <SegmentTemplate");
        attr(x, "timescale", Long.toString(t.timescale()));
        attr(x, "presentationTimeOffset", Long.toString(t.presentationTimeOffset()));
        attr(x, "initialization", t.initialization());
        attr(x, "media", t.media());
        attr(x, "startNumber", Long.toString(t.startNumber()));
        x.append(">\n          <SegmentTimeline>\n");
        for (TrackTimeline.Entry s : t.segments()) {
            x.append("            <S t=\"").append(s.t()).append("\" d=\"").append(s.d()).append("\"/>\n");
        }
        x.append("          </SegmentTimeline>\n        </SegmentTemplate>\n      </Representation>\n    </AdaptationSet>\n");
    }

    /** xs:duration in seconds with millisecond precision, e.g. {@code PT20.040S}. */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        return String.format(Locale.ROOT, "PT%d.%03dS", millis / 1000, millis % 1000);
    }

    static String instant(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void attr(StringBuilder x, String name, String value) {
        x.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

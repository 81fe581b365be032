package dev.castmesh.gst.record;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back the periods of an MPD written by {@link MpdWriter}, so that a restart on the same day
 * appends a period instead of overwriting the day. A period left open by a crash gets the duration of
 * its longest track. Pure (no file access; the caller reads the file).
 */
final class MpdReader {
    private MpdReader() {
    }

    static List<ManifestPeriod> periods(String xml) {
        Document doc = parse(xml);
        List<ManifestPeriod> periods = new ArrayList<>();
        NodeList ps = doc.getDocumentElement().getElementsByTagNameNS(MpdWriter.NAMESPACE, "Period");
        Duration next = Duration.ZERO;
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            List<TrackTimeline> tracks = new ArrayList<>();
            NodeList sets = p.getElementsByTagNameNS(MpdWriter.NAMESPACE, "AdaptationSet");
            for (int j = 0; j < sets.getLength(); j++) {
                tracks.add(track((Element) sets.item(j)));
            }
            Duration start = p.hasAttribute("start") ? duration(p.getAttribute("start")) : next;
            Optional<Duration> length = p.hasAttribute("duration") ? Optional.of(duration(p.getAttribute("duration")))
                    : Optional.empty();
            ManifestPeriod period = new ManifestPeriod(p.getAttribute("id"), start, length, tracks).closed();
            periods.add(period);
            next = period.end();
        }
        return periods;
    }

    private static TrackTimeline track(Element set) {
        Element rep = child(set, "Representation");
        Element tpl = child(rep, "SegmentTemplate");
        List<TrackTimeline.Entry> entries = new ArrayList<>();
        NodeList ss = tpl.getElementsByTagNameNS(MpdWriter.NAMESPACE, "S");
        long t = 0;
        for (int i = 0; i < ss.getLength(); i++) {
            Element s = (Element) ss.item(i);
            t = s.hasAttribute("t") ? Long.parseLong(s.getAttribute("t")) : t;
            long d = Long.parseLong(s.getAttribute("d"));
            int repeat = s.hasAttribute("r") ? Integer.parseInt(s.getAttribute("r")) : 0;
            for (int r = 0; r <= repeat; r++) {
                entries.add(new TrackTimeline.Entry(t, d));
                t += d;
            }
        }
        int channels = 0;
        NodeList cc = rep.getElementsByTagNameNS(MpdWriter.NAMESPACE, "AudioChannelConfiguration");
        if (cc.getLength() > 0) {
            channels = Integer.parseInt(((Element) cc.item(0)).getAttribute("value"));
        }
        return new TrackTimeline(set.getAttribute("contentType"), set.getAttribute("mimeType"), rep.getAttribute("codecs"),
                Long.parseLong(tpl.getAttribute("timescale")), longAttr(tpl, "presentationTimeOffset"),
                tpl.getAttribute("initialization"), tpl.getAttribute("media"), longAttr(tpl, "startNumber"),
                (int) longAttr(rep, "width"), (int) longAttr(rep, "height"), (int) longAttr(rep, "audioSamplingRate"),
                channels, longAttr(rep, "bandwidth"), entries);
    }

    private static Element child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(MpdWriter.NAMESPACE, name);
        if (list.getLength() == 0) {
            throw new IllegalArgumentException("MPD has no " + name + " in " + parent.getTagName());
        }
        return (Element) list.item(0);
    }

    private static long longAttr(Element e, String name) {
        return e.hasAttribute(name) ? Long.parseLong(e.getAttribute(name)) : 0;
    }

    /** Parses the {@code PT…S} durations {@link MpdWriter} writes, plus hours and minutes. */
    static Duration duration(String text) {
        return Duration.parse(text);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable MPD: " + e.getMessage(), e);
        }
    }
}

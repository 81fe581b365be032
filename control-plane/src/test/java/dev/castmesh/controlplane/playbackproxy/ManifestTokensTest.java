package dev.castmesh.controlplane.playbackproxy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTokensTest {
    /** As MpdWriter writes them. */
    static final String MPD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT20.040S">
              <Period id="p0" start="PT0S">
                <AdaptationSet contentType="video" mimeType="video/mp4">
                  <Representation id="video" codecs="avc1.42e01f" bandwidth="1000">
                    <SegmentTemplate timescale="90000" initialization="video/init-p0.mp4" media="video/seg-p0-$Number%05d$.m4s" startNumber="1">
                      <SegmentTimeline><S t="0" d="90000"/></SegmentTimeline>
                    </SegmentTemplate>
                  </Representation>
                </AdaptationSet>
                <AdaptationSet contentType="audio">
                  <Representation id="audio" bandwidth="1">
                    <SegmentList><Initialization sourceURL="audio/init.mp4?v=2"/><SegmentURL media="https://cdn.example/a.m4s"/></SegmentList>
                  </Representation>
                </AdaptationSet>
              </Period>
            </MPD>
            """;

    private static String append(String manifest, String token) {
        return new String(ManifestTokens.append(manifest.getBytes(StandardCharsets.UTF_8), token).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void relativeSegmentUrlsCarryTheToken() {
        String out = append(MPD, "a.b+c");
        assertTrue(out.contains("initialization=\"video/init-p0.mp4?token=a.b%2Bc\""), out);
        assertTrue(out.contains("media=\"video/seg-p0-$Number%05d$.m4s?token=a.b%2Bc\""), out);
        assertTrue(out.contains("sourceURL=\"audio/init.mp4?v=2&amp;token=a.b%2Bc\""), out);
        assertTrue(out.contains("media=\"https://cdn.example/a.m4s\""), "an absolute URL gets no token: " + out);
        assertTrue(out.contains("<S d=\"90000\" t=\"0\"/>") || out.contains("<S t=\"0\" d=\"90000\"/>"), out);
        assertTrue(out.contains("xmlns=\"urn:mpeg:dash:schema:mpd:2011\""), out);
    }

    @Test
    void anAbsoluteBaseUrlLeavesTheManifestAlone() {
        String withBase = MPD.replace("<Period id", "<BaseURL>https://other.example/rec/</BaseURL><Period id");
        String out = append(withBase, "secret.jwt");
        assertEquals(withBase, out);
        assertFalse(append(MPD.replace("<Period id", "<BaseURL>//other.example/</BaseURL><Period id"), "secret.jwt")
                .contains("secret.jwt"));
        assertTrue(append(MPD.replace("<Period id", "<BaseURL>rec/</BaseURL><Period id"), "t1").contains("?token=t1"),
                "a relative BaseURL stays on this proxy");
    }

    @Test
    void notXmlOrADoctypeIsNotRewritten() {
        assertTrue(ManifestTokens.append("not xml".getBytes(StandardCharsets.UTF_8), "t").isEmpty());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE MPD [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><MPD>&x;</MPD>";
        assertTrue(ManifestTokens.append(xxe.getBytes(StandardCharsets.UTF_8), "t").isEmpty(), "no entity is expanded");
    }
}

package dev.castmesh.agent.it;

import dev.castmesh.storage.ObjectInfo;
import dev.castmesh.storage.ObjectStore;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that storage holds a whole day of a recording: every segment its manifest lists, numbered without gaps. */
final class StoredRecording {
    private static final Pattern ADAPTATION = Pattern.compile("<AdaptationSet[^>]*contentType=\"(\\w+)\".*?</AdaptationSet>",
            Pattern.DOTALL);
    private static final Pattern START = Pattern.compile("startNumber=\"(\\d+)\"");
    private static final Pattern S = Pattern.compile("<S t=");
    private static final Pattern SEG = Pattern.compile(".*/(\\w+)/seg-(\\d+)\\.m4s");

    private StoredRecording() {
    }

    /**
     * @param dayKey {@code {stream}/{yyyy}/{mm}/{dd}}
     * @return the number of media segments in storage
     */
    static int assertComplete(ObjectStore store, String dayKey) throws Exception {
        byte[] mpdBytes;
        try (var content = store.get(dayKey + "/manifest.mpd").orElseThrow(() -> new AssertionError("no manifest in storage"))) {
            mpdBytes = content.stream().readAllBytes();
        }
        String mpd = new String(mpdBytes, StandardCharsets.UTF_8);
        assertTrue(mpd.contains("type=\"static\""), "the stored manifest is the final, static one");
        Map<String, Integer> listed = new TreeMap<>();
        Matcher a = ADAPTATION.matcher(mpd);
        while (a.find()) {
            Matcher s = S.matcher(a.group());
            int n = 0;
            while (s.find()) {
                n++;
            }
            listed.merge(a.group(1), n, Integer::sum);
        }
        List<ObjectInfo> objects = store.list(dayKey + "/");
        Map<String, Integer> stored = new TreeMap<>();
        Map<String, Long> highest = new TreeMap<>();
        for (ObjectInfo o : objects) {
            Matcher m = SEG.matcher(o.key());
            if (m.matches()) {
                stored.merge(m.group(1), 1, Integer::sum);
                highest.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
                assertTrue(o.sizeBytes() > 0, o.key());
            }
        }
        assertTrue(!listed.isEmpty(), "the manifest lists segments: " + mpd);
        assertEquals(listed, stored, "segments per track: listed in the manifest vs in storage " + keys(objects));
        assertEquals(stored.keySet(), highest.keySet());
        for (String track : stored.keySet()) {
            assertEquals((long) stored.get(track), highest.get(track), track + " segments are numbered 1..n without gaps");
            assertTrue(objects.stream().anyMatch(o -> o.key().equals(dayKey + "/" + track + "/init-p0.mp4")), track + " init");
        }
        return stored.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<String> keys(List<ObjectInfo> objects) {
        return objects.stream().map(ObjectInfo::key).toList();
    }
}

package dev.castmesh.controlplane.recording;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which storage keys are day manifests, as the agents write them: {@code {stream}/{yyyy}/{mm}/{dd}/manifest.mpd}
 * ({@code stream} may contain '/'). Pure.
 */
final class StoredManifests {
    private static final Pattern DAY_MANIFEST = Pattern.compile("(.+)/(\\d{4})/(\\d{2})/(\\d{2})/manifest\\.mpd");

    private StoredManifests() {
    }

    /** The index row a key stands for, if it is a day manifest with a valid date and stream name. */
    static Optional<RecordingUpsert> row(String key) {
        Matcher m = DAY_MANIFEST.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        RecordingUpsert row = new RecordingUpsert(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), key);
        try {
            row.validate();
            return Optional.of(row);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}

package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.api.StreamName;
import dev.castmesh.storage.ObjectKeys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The object key of a {@code /api/record/object/{path}} request, from the raw (still percent-encoded) path. Pure.
 * Refused with an {@link IllegalArgumentException} (a 400): encoded '/', '\' or NUL ({@code %2f}, {@code %5c},
 * {@code %00}) and malformed escapes, then whatever {@link ObjectKeys#check} refuses once decoded ({@code ..},
 * {@code .}, empty segments, backslashes, control characters), and a first segment that is not a stream name.
 * So the key's first segment is exactly the stream the rights table judged ({@code Scope.STREAM_IN_PATH}).
 *
 * @param key    the decoded key, e.g. {@code cam1/2026/11/21/manifest.mpd}
 * @param stream its first segment
 */
record ObjectPath(String key, String stream) {
    static final String PREFIX = "/api/record/object/";

    /** @param rawPath the whole raw request path, starting with {@link #PREFIX} */
    static ObjectPath parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an object path");
        }
        String raw = rawPath.substring(PREFIX.length());
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            throw new IllegalArgumentException("object path must not contain encoded '/', '\\' or NUL");
        }
        String key = decode(raw);
        ObjectKeys.check(key);
        String stream = ObjectKeys.firstSegment(key);
        if (!StreamName.isValid(stream)) {
            throw new IllegalArgumentException("object path must start with a stream name");
        }
        return new ObjectPath(key, stream);
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("object path has a malformed percent-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int end = raw.indexOf('%', i);
                end = end < 0 ? raw.length() : end;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("object path is not UTF-8");
        }
    }
}

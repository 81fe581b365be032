package dev.castmesh.controlplane.relay;

import dev.castmesh.api.cluster.AgentPaths;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one form of a relayed path that is both checked against {@code [relay]} and sent to the agent, so that what
 * was checked is what the agent gets. From the raw path after {@code /api/relay/{alias}}:
 * <ol>
 *   <li>percent-decode once as UTF-8 ({@code %2F} becomes a separator, {@code %2E%2E} a {@code ..}); a malformed
 *       escape or invalid UTF-8 is refused;</li>
 *   <li>refuse what is still encoded after that ({@code %} left, i.e. double encoding such as {@code %252F}),
 *       control characters, {@code ;} (path parameters) and {@code ?}/{@code #} that came from escapes;</li>
 *   <li>treat {@code \} as {@code /}; drop empty segments (doubled slashes) and {@code .}; {@code ..} removes the
 *       segment before it, and going above the root is refused.</li>
 * </ol>
 * The result is {@code /} plus the segments; {@link #encoded} re-encodes each segment for the request to the agent.
 * Matching lower-cases it (see {@link RelayPolicy}). Pure.
 */
public record RelayPath(List<String> segments) {

    public RelayPath {
        segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException with a client message */
    public static RelayPath normalize(String rawPath) {
        String decoded = decode(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '%') {
                throw new IllegalArgumentException("relay path is encoded twice");
            }
            if (Character.isISOControl(c) || c == ';' || c == '?' || c == '#') {
                throw new IllegalArgumentException("relay path must not contain control characters, ';', '?' or '#'");
            }
        }
        Deque<String> stack = new ArrayDeque<>();
        for (String segment : decoded.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (stack.isEmpty()) {
                    throw new IllegalArgumentException("relay path goes above the root");
                }
                stack.removeLast();
            } else {
                stack.addLast(segment);
            }
        }
        return new RelayPath(List.copyOf(stack));
    }

    /** The decoded path, {@code /a/b}; {@code /} for none. */
    public String path() {
        return "/" + String.join("/", segments);
    }

    /** The path for the request to the agent, each segment percent-encoded. */
    public String encoded() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(AgentPaths.segment(segment));
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    @Override
    public String toString() {
        return path();
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("relay path has a malformed percent-escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("relay path has a malformed percent-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("relay path is not valid UTF-8");
        }
    }
}

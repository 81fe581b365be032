package dev.castmesh.api.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /whip/{stream}} or {@code /api/relay/{alias}/{path...}}: literal segments,
 * {@code {name}} for exactly one segment, and a final {@code {name...}} for one or more segments.
 *
 * <p>{@link #match} works on the raw request path (no query string). It is strict on purpose: empty
 * segments ({@code //}), {@code .} and {@code ..} segments and malformed percent-escapes never match, so
 * such requests fall outside the rights table and are refused. One trailing slash is ignored. Variable
 * values are percent-decoded (UTF-8), as routers decode path variables.
 */
public final class PathTemplate {
    private final String text;
    private final List<String> segments;
    private final boolean rest;

    private PathTemplate(String text, List<String> segments, boolean rest) {
        this.text = text;
        this.segments = segments;
        this.rest = rest;
    }

    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        List<String> segments = template.equals("/") ? List.of() : List.of(template.substring(1).split("/", -1));
        boolean rest = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty segment in path template " + template);
            }
            if (isVariable(segment)) {
                String name = variableName(segment);
                if (name.isEmpty() || !name.chars().allMatch(Character::isLetterOrDigit)) {
                    throw new IllegalArgumentException("bad variable '" + segment + "' in " + template);
                }
                if (segment.endsWith("...}")) {
                    if (i != segments.size() - 1) {
                        throw new IllegalArgumentException("{name...} must be the last segment of " + template);
                    }
                    rest = true;
                }
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("bad segment '" + segment + "' in " + template);
            }
        }
        return new PathTemplate(template, segments, rest);
    }

    /** The variables of a raw request path matching this template, in template order; empty when it does not match. */
    public Optional<Map<String, String>> match(String rawPath) {
        Optional<List<String>> parts = split(rawPath);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> path = parts.get();
        if (rest ? path.size() < segments.size() : path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!isVariable(segment)) {
                if (!segment.equals(path.get(i))) {
                    return Optional.empty();
                }
            } else if (rest && i == segments.size() - 1) {
                variables.put(variableName(segment), String.join("/", path.subList(i, path.size())));
            } else {
                variables.put(variableName(segment), path.get(i));
            }
        }
        return Optional.of(variables);
    }

    /** The variable names, e.g. {@code [stream, session]}. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (isVariable(segment)) {
                names.add(variableName(segment));
            }
        }
        return names;
    }

    /** Number of literal segments; a template with more of them is more specific. */
    public int literalSegments() {
        return (int) segments.stream().filter(segment -> !isVariable(segment)).count();
    }

    /** The template with each variable replaced by its value, which must be a URL-safe segment (or path, for {@code {name...}}). */
    public String expand(Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String value = isVariable(segment) ? values.get(variableName(segment)) : segment;
            if (value == null) {
                throw new IllegalArgumentException("no value for " + segment + " in " + text);
            }
            path.append('/').append(value);
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathTemplate template && template.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String variableName(String segment) {
        String inner = segment.substring(1, segment.length() - 1);
        return inner.endsWith("...") ? inner.substring(0, inner.length() - 3) : inner;
    }

    /** Decoded segments of a raw path, or empty if the path is not one we are willing to interpret. */
    private static Optional<List<String>> split(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('?') >= 0 || rawPath.indexOf('#') >= 0) {
            return Optional.empty();
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.equals("/")) {
            return Optional.of(List.of());
        }
        List<String> decoded = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            Optional<String> segment = percentDecode(raw);
            if (segment.isEmpty() || segment.get().isEmpty() || segment.get().equals(".") || segment.get().equals("..")) {
                return Optional.empty();
            }
            decoded.add(segment.get());
        }
        return Optional.of(decoded);
    }

    private static Optional<String> percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int end = raw.indexOf('%', i);
                end = end < 0 ? raw.length() : end;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

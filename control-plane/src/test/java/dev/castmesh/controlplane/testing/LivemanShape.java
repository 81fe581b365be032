package dev.castmesh.controlplane.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an answer of ours against a fixture of Liveman's JSON (test resources {@code liveman/*.json}, written by hand
 * from binbat/live777's Rust types): every field of the fixture must be in the answer with the same JSON type (an
 * integer stays an integer), recursively; every element of an answer's array is checked against the fixture array's
 * first element; fields named in {@code enums} must hold one of the listed spellings. Fields the answer has beyond
 * the fixture are ours and allowed. Optional fields (Rust {@code Option} with {@code skip_serializing_if}) are named
 * by their path, e.g. {@code [].publish.sessions[].cascade}.
 */
public final class LivemanShape {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode fixture;
    private final Set<String> optional;
    private final Map<String, Set<String>> enums;

    private LivemanShape(JsonNode fixture, Set<String> optional, Map<String, Set<String>> enums) {
        this.fixture = fixture;
        this.optional = optional;
        this.enums = enums;
    }

    /** The fixture {@code liveman/{name}.json}. */
    public static LivemanShape of(String name, Set<String> optional, Map<String, Set<String>> enums) {
        try (InputStream in = LivemanShape.class.getResourceAsStream("/liveman/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture liveman/" + name + ".json");
            }
            return new LivemanShape(JSON.readTree(in), optional, enums);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LivemanShape of(String name) {
        return of(name, Set.of(), Map.of());
    }

    public JsonNode fixture() {
        return fixture;
    }

    /** The differences between the answer and the fixture's shape; empty when it conforms. */
    public List<String> problems(String answer) {
        try {
            return problems(JSON.readTree(answer));
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + answer);
        }
    }

    public List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        compare("", fixture, answer, problems);
        return problems;
    }

    /** Fails with every difference. */
    public void check(String answer) {
        List<String> problems = problems(answer);
        if (!problems.isEmpty()) {
            throw new AssertionError("not Liveman's shape: " + problems + " in " + answer);
        }
    }

    private void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (!type(expected).equals(type(actual))) {
            problems.add((path.isEmpty() ? "(root)" : path) + ": expected " + type(expected) + ", got " + type(actual));
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path + "." + field.getKey();
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    if (!optional.contains(child)) {
                        problems.add(child + ": missing");
                    }
                    continue;
                }
                compare(child, field.getValue(), value, problems);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (JsonNode element : actual) {
                compare(path + "[]", expected.get(0), element, problems);
            }
        } else if (expected.isTextual()) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            Set<String> allowed = enums.get(name);
            if (allowed != null && !allowed.contains(actual.asText())) {
                problems.add(path + ": '" + actual.asText() + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.getNodeType().name().toLowerCase();
    }
}

package dev.castmesh.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route lists in one form, {@code "METHOD /path/{}"} (every path variable written {@code {}}), from the two places that
 * must agree: the README's API tables and a server's OpenAPI document. Used by each server's test of
 * {@code /openapi.yml}; shipped in this module's test-jar.
 *
 * <p>README rules: the first column of the table under the given {@code ###} heading of {@code ## HTTP API}; its code
 * spans are read in order, a span that is only a method ({@code `GET`,}) applies to the next span with a path, a span
 * that starts with {@code /} is an alias in the prose ("also {@code /api/streams/}") and is skipped. Query parts
 * ({@code ?…}, {@code […]}) are dropped, {@code ANY} is the five methods a relay takes, {@code HEAD} is not a row of its
 * own (Micronaut answers HEAD on every GET route, and OpenAPI documents lists none).
 */
public final class ApiRoutes {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final List<String> ANY = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiRoutes() {
    }

    /** The routes of the README table under {@code ### heading} in {@code ## HTTP API}. */
    public static Set<String> readme(Path readme, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int api = lines.indexOf("## HTTP API");
        if (api < 0) {
            throw new IllegalArgumentException(readme + " has no '## HTTP API' section");
        }
        int start = lines.subList(api, lines.size()).indexOf("### " + heading);
        if (start < 0) {
            throw new IllegalArgumentException(readme + " has no '### " + heading + "' under '## HTTP API'");
        }
        Set<String> routes = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines.subList(api + start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String first = line.substring(1, line.indexOf('|', 1));
            if (!first.contains("---") && first.contains("`")) {
                routes.addAll(cell(first));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no routes in the table under '### " + heading + "'");
        }
        return routes;
    }

    /** The routes one table cell names. */
    static List<String> cell(String cell) {
        List<String> routes = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String span = code.group(1).trim();
            if (METHOD.matcher(span).matches()) {
                pending.add(span);
                continue;
            }
            if (span.startsWith("/")) {
                continue;
            }
            int space = span.indexOf(' ');
            if (space < 0 || !METHOD.matcher(span.substring(0, space)).matches()) {
                throw new IllegalArgumentException("not a route: `" + span + "`");
            }
            pending.add(span.substring(0, space));
            String path = normalise(span.substring(space + 1));
            for (String method : pending) {
                for (String one : method.equals("ANY") ? ANY : List.of(method)) {
                    if (!one.equals("HEAD")) {
                        routes.add(one + " " + path);
                    }
                }
            }
            pending.clear();
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("methods " + pending + " without a path in: " + cell);
        }
        return routes;
    }

    /** The routes of an OpenAPI document (YAML). */
    public static Set<String> openApi(String yaml) {
        JsonNode paths;
        try {
            paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!paths.isObject() || paths.isEmpty()) {
            throw new IllegalArgumentException("the document has no paths");
        }
        Set<String> routes = new TreeSet<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> fields = paths.get(path).fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (OPERATIONS.contains(field)) {
                    routes.add(field.toUpperCase(Locale.ROOT) + " " + normalise(path));
                }
            }
        }
        return routes;
    }

    /**
     * A server's answer to {@code GET /openapi.yml}: 200, YAML, the document titled {@code title}, and its routes plus
     * {@code undocumented} (micronaut-management endpoints, not controllers) exactly those of the README table under
     * {@code heading}.
     */
    public static void assertServed(int status, String contentType, String body, String title, String heading,
                                    Set<String> undocumented) {
        org.junit.jupiter.api.Assertions.assertEquals(200, status, body);
        org.junit.jupiter.api.Assertions.assertEquals("application/yaml", contentType);
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("title: " + title), body);
        Set<String> documented = new TreeSet<>(openApi(body));
        documented.addAll(undocumented);
        org.junit.jupiter.api.Assertions.assertEquals(readme(projectReadme(), heading), documented,
                "the README's table '" + heading + "' vs /openapi.yml (plus " + undocumented + ")");
    }

    /** The README of the project: the first {@code README.md} with an HTTP API section, from the working directory up. */
    public static Path projectReadme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            try {
                if (Files.isRegularFile(readme) && Files.readAllLines(readme).contains("## HTTP API")) {
                    return readme;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no README.md with '## HTTP API' above " + Path.of("").toAbsolutePath());
    }

    private static String normalise(String path) {
        String plain = path;
        for (char end : new char[] {'?', '['}) {
            int at = plain.indexOf(end);
            if (at >= 0) {
                plain = plain.substring(0, at);
            }
        }
        return VARIABLE.matcher(plain.trim()).replaceAll("{}");
    }
}

package dev.castmesh.api.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the rights table.
 *
 * @param method   HTTP method in upper case, or {@code "*"} for any method; {@code HEAD} requests use the {@code GET} rows
 * @param path     the route's path template
 * @param anyOf    {@link AccessMode} bits of which the caller needs at least one; 0 for {@link Scope#PUBLIC} and {@link Scope#NODE}
 * @param scope    which grant ids may call it
 * @param services the servers that serve this route
 */
public record RouteRule(String method, PathTemplate path, int anyOf, Scope scope, Set<Service> services) {
    public static final String ANY_METHOD = "*";
    /** The final {@code {path...}} variable a {@link Scope#STREAM_IN_PATH} row takes its stream from. */
    public static final String PATH_VARIABLE = "path";

    public RouteRule {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scope, "scope");
        method = method.toUpperCase(Locale.ROOT);
        services = Set.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + ": served by no service");
        }
        if (!AccessMode.isValidMask(anyOf)) {
            throw new IllegalArgumentException(method + " " + path + ": bits out of range: " + anyOf);
        }
        boolean open = scope == Scope.PUBLIC || scope == Scope.NODE;
        if (open != (anyOf == AccessMode.NONE)) {
            throw new IllegalArgumentException(method + " " + path + ": " + scope + " routes "
                    + (open ? "need no bits" : "need at least one bit"));
        }
        if (scope == Scope.STREAM && !path.variables().contains("stream")) {
            throw new IllegalArgumentException(method + " " + path + ": STREAM scope needs a {stream} variable");
        }
        if (scope == Scope.STREAM_IN_PATH && !path.toString().endsWith("/{" + PATH_VARIABLE + "...}")) {
            throw new IllegalArgumentException(method + " " + path + ": STREAM_IN_PATH scope needs a final {"
                    + PATH_VARIABLE + "...} variable");
        }
    }

    /** The path variables if this row is for {@code method} and {@code rawPath}. */
    public Optional<Map<String, String>> match(String method, String rawPath) {
        String requested = method.toUpperCase(Locale.ROOT);
        boolean methodMatches = this.method.equals(ANY_METHOD) || this.method.equals(requested)
                || (requested.equals("HEAD") && this.method.equals("GET"));
        return methodMatches ? path.match(rawPath) : Optional.empty();
    }

    public boolean servedBy(Service service) {
        return services.contains(service);
    }

    /**
     * The stream a request is about, from its path variables: {@code {stream}}, or for {@link Scope#STREAM_IN_PATH}
     * the first segment of {@code {path...}}; null for routes that name none.
     */
    public String stream(Map<String, String> variables) {
        if (scope == Scope.STREAM_IN_PATH) {
            String rest = variables.get(PATH_VARIABLE);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return variables.get("stream");
    }

    /** What a caller needs, for error messages, e.g. {@code "publish on stream 'cam-1'"}. */
    public String requirement(Map<String, String> variables) {
        String stream = stream(variables);
        String rights = AccessMode.describe(anyOf).replace("|", " or ");
        return switch (scope) {
            case PUBLIC, NODE -> "nothing";
            case STREAM, STREAM_IN_PATH -> rights + " on stream '" + stream + "'";
            case ALL_STREAMS -> rights + " on all streams ('*')";
        };
    }

    @Override
    public String toString() {
        return method + " " + path + " " + scope + (anyOf == 0 ? "" : " " + AccessMode.describe(anyOf));
    }
}

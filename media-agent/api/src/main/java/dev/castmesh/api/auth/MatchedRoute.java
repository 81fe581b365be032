package dev.castmesh.api.auth;

import java.util.Map;

/**
 * A request path resolved against the rights table.
 *
 * @param rule      the row that applies
 * @param variables the decoded path variables ({@code stream}, {@code session}, ...)
 */
public record MatchedRoute(RouteRule rule, Map<String, String> variables) {
    public MatchedRoute {
        variables = Map.copyOf(variables);
    }

    /** The stream the request is about, or null for routes that name none. */
    public String stream() {
        return rule.stream(variables);
    }

    /** What a caller needs for this request, for error messages. */
    public String requirement() {
        return rule.requirement(variables);
    }
}

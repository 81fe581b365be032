package dev.castmesh.controlplane.cascade;

import dev.castmesh.api.StreamName;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code [[cascade.pull]]} rule (Monibuca's {@code onsub.pull}): a WHEP request for a stream that no online node
 * carries and whose name {@code match} matches entirely is served from {@code source}, with {@code $1}, {@code $2}…
 * (or {@code ${name}}) replaced by the groups. A source starting with {@code http://} or {@code https://} is an
 * external WHEP URL; anything else is the name of a stream of this cluster.
 *
 * @param match  a Java regular expression, checked at start-up
 * @param source the template
 * @param token  bearer token for an external source, or none
 */
public record PullRule(String match, String source, String token) {
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    public PullRule {
        if (match == null || match.isEmpty()) {
            throw new IllegalArgumentException("match: is required (a regular expression)");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source: is required (a stream name or an http(s) WHEP URL, with $1 for groups)");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("match: not a valid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
        }
        checkGroups(pattern, source);
        token = token == null || token.isEmpty() ? null : token;
    }

    public PullRule(String match, String source) {
        this(match, source, null);
    }

    /** The source for {@code stream}, or empty when the rule does not match it entirely. */
    public Optional<PullSource> apply(String stream) {
        Matcher matcher = Pattern.compile(match).matcher(stream);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String resolved = matcher.replaceFirst(source);
        if (external(resolved)) {
            return Optional.of(new PullSource.External(resolved, token));
        }
        return StreamName.isValid(resolved) ? Optional.of(new PullSource.InCluster(resolved)) : Optional.empty();
    }

    private static boolean external(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    private static void checkGroups(Pattern pattern, String source) {
        int groups = pattern.matcher("").groupCount();
        Matcher reference = GROUP_REFERENCE.matcher(source);
        while (reference.find()) {
            if (reference.group(1) != null && Integer.parseInt(reference.group(1)) > groups) {
                throw new IllegalArgumentException("source: refers to group $" + reference.group(1) + " but match has "
                        + groups + " group(s)");
            }
            if (reference.group(2) != null && !pattern.pattern().contains("(?<" + reference.group(2) + ">")) {
                throw new IllegalArgumentException("source: refers to group ${" + reference.group(2)
                        + "} that match does not define");
            }
        }
        try {
            pattern.matcher("").replaceFirst(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source: not a valid template (" + e.getMessage()
                    + "); write \\$ for a literal dollar");
        }
    }

    @Override
    public String toString() {
        return "PullRule[match=" + match + ", source=" + source + ", token=" + (token == null ? "none" : "***") + "]";
    }
}

package dev.castmesh.agent.recording;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code [recorder] auto_streams}: glob patterns over stream names, {@code *} any run of characters (also none),
 * {@code ?} exactly one; everything else is literal and the whole name must match. Pure, immutable.
 */
final class StreamPatterns {
    private final List<Pattern> patterns;

    StreamPatterns(List<String> globs) {
        this.patterns = globs.stream().map(StreamPatterns::compile).toList();
    }

    boolean matches(String stream) {
        return patterns.stream().anyMatch(p -> p.matcher(stream).matches());
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}

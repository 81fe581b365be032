package dev.castmesh.agent.signaling;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first {@code a=ice-ufrag} / {@code a=ice-pwd} of an offer or trickle fragment. With BUNDLE every
 * section carries the same pair; a fragment whose pair differs from the offer's asks for an ICE restart.
 */
record IceCredentials(String ufrag, String pwd) {
    private static final Pattern UFRAG = Pattern.compile("^a=ice-ufrag:(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern PWD = Pattern.compile("^a=ice-pwd:(\\S+)\\s*$", Pattern.MULTILINE);

    static IceCredentials of(String sdp) {
        return new IceCredentials(first(UFRAG, sdp).orElse(""), first(PWD, sdp).orElse(""));
    }

    /** Whether {@code fragment} names other ICE credentials than these (an RFC 9725 §4.4.2 restart request). */
    boolean restartedBy(IceCredentials fragment) {
        return (!fragment.ufrag.isEmpty() && !fragment.ufrag.equals(ufrag))
                || (!fragment.pwd.isEmpty() && !fragment.pwd.equals(pwd));
    }

    private static Optional<String> first(Pattern pattern, String sdp) {
        Matcher m = pattern.matcher(sdp == null ? "" : sdp);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

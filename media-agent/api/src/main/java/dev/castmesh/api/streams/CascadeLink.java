package dev.castmesh.api.streams;

/**
 * One cascade leg of a stream on an agent: the pull that feeds a copy, or a push to another agent.
 * Also the body of the agent's 200/201 answer to {@code POST /api/cascade/{stream}}.
 *
 * @param direction       {@code pull} (this agent's copy is fed from {@code url}) or {@code push} (this agent sends
 *                        its stream to {@code url})
 * @param url             the remote WHEP (pull) or WHIP (push) URL, without user info (tokens are never shown)
 * @param node            pull: the source node alias, or its host:port when the request named none; push: null
 * @param state           CONNECTING, LIVE, LOST (no media from the source for 5 s; ends after a 10 s grace), FAILED
 *                        or CLOSED
 * @param bitrateBps      media received from the source (pull) or relayed to the target (push), bits per second
 * @param lastPacketAgeMs milliseconds since the last media arrived, -1 before the first
 * @param attachments     sources attached so far (1 + re-attachments)
 */
public record CascadeLink(String direction, String url, String node, String state, long bitrateBps, long lastPacketAgeMs,
                          int attachments) {
    public static final String PULL = "pull";
    public static final String PUSH = "push";
}

package dev.castmesh.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/token}: ours with {@code mode}, or Liveman's with the booleans {@code subscribe},
 * {@code publish} and {@code admin} (one of the two forms, not both).
 *
 * @param id              a stream id or {@code "*"}
 * @param mode            {@link AccessMode} bits, 1..7; null in Liveman's form
 * @param durationSeconds lifetime in seconds (JSON {@code duration}); null for the server's default
 * @param subscribe       Liveman: the token may play (WHEP); null in our form
 * @param publish         Liveman: the token may publish (WHIP); null in our form
 * @param admin           Liveman: the token may manage streams, cascades, recordings; null in our form
 */
public record TokenRequest(String id, Integer mode, @JsonProperty("duration") Long durationSeconds,
                           Boolean subscribe, Boolean publish, Boolean admin) {

    public TokenRequest(String id, Integer mode, Long durationSeconds) {
        this(id, mode, durationSeconds, null, null, null);
    }

    /** Whether any of Liveman's booleans is given. */
    public boolean hasFlags() {
        return subscribe != null || publish != null || admin != null;
    }

    /** The mode bits of Liveman's booleans (an absent one counts as false). */
    public int flagsMode() {
        return (Boolean.TRUE.equals(subscribe) ? AccessMode.SUBSCRIBE.bit() : 0)
                | (Boolean.TRUE.equals(publish) ? AccessMode.PUBLISH.bit() : 0)
                | (Boolean.TRUE.equals(admin) ? AccessMode.ADMIN.bit() : 0);
    }
}

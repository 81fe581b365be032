package dev.castmesh.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/token}.
 *
 * @param id              a stream id or {@code "*"}
 * @param mode            {@link AccessMode} bits, 1..7
 * @param durationSeconds lifetime in seconds (JSON {@code duration}); null for the server's default
 */
public record TokenRequest(String id, Integer mode, @JsonProperty("duration") Long durationSeconds) {
}

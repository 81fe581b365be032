package dev.castmesh.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code POST /api/login} and {@code POST /api/token}: the same JWT under our name ({@code token}) and
 * Liveman's ({@code access_token} with {@code token_type} {@value #BEARER}), which its dashboard reads.
 *
 * @param token       an HS256 JWT with the claims {@code id}, {@code mode} and {@code exp} (seconds since the epoch)
 * @param accessToken the same JWT (Liveman's field)
 * @param tokenType   always {@value #BEARER}
 */
public record TokenResponse(String token, @JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType) {
    public static final String BEARER = "Bearer";

    /** The answer for one token, under both names. */
    public static TokenResponse bearer(String token) {
        return new TokenResponse(token, token, BEARER);
    }

    @Override
    public String toString() {
        return "TokenResponse[token=***]";
    }
}

package dev.castmesh.api.auth;

/**
 * Answer of {@code POST /api/login} and {@code POST /api/token}.
 *
 * @param token an HS256 JWT with the claims {@code id}, {@code mode} and {@code exp} (seconds since the epoch)
 */
public record TokenResponse(String token) {
    @Override
    public String toString() {
        return "TokenResponse[token=***]";
    }
}

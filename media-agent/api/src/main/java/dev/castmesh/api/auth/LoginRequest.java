package dev.castmesh.api.auth;

/**
 * Body of {@code POST /api/login}.
 *
 * @param username a {@code [[auth.accounts]]} username
 * @param password its password
 */
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}

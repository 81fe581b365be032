package dev.castmesh.api.auth;

/** The outcome of {@link AccessPolicy#check}, with the HTTP status a server answers for it. */
public enum AccessDecision {
    ALLOW(0),
    /** No or invalid credentials where some are needed: 401 with {@code WWW-Authenticate: Bearer}. */
    UNAUTHENTICATED(401),
    /** Valid credentials without the right for this route or stream: 403. */
    FORBIDDEN(403);

    private final int httpStatus;

    AccessDecision(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** 401 or 403; 0 for {@link #ALLOW} (the handler decides). */
    public int httpStatus() {
        return httpStatus;
    }
}

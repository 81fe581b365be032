/**
 * Authentication and authorization of the control plane (DESIGN.md "Auth"; Liveman/Live777 model).
 *
 * <p><b>Modes.</b> No {@code auth.secret}, no {@code auth.tokens}, no {@code auth.accounts}: open, every
 * request is allowed. Otherwise every request is checked against the rights table of
 * {@code dev.castmesh.api.auth.RouteRights}:
 * <ul>
 *   <li>{@code Authorization: Bearer <static token>} → full rights ({@link dev.castmesh.security.StaticTokenValidator});</li>
 *   <li>{@code Authorization: Bearer <JWT>}, HS256 with the key of {@link dev.castmesh.security.SigningKeyFactory},
 *       claims {@code {id, mode, exp}} → that grant (micronaut-security-jwt validates signature, {@code exp} and
 *       {@code nbf}; {@link dev.castmesh.security.GrantJwtAuthenticationFactory} reads the claims);</li>
 *   <li>{@code POST /api/login} with a {@code [[auth.accounts]]} username/password (plain or bcrypt) → a JWT
 *       {@code {id: "*", mode: 7}} valid 24 h; {@code POST /api/token} (admin on {@code *}) mints narrower ones.</li>
 * </ul>
 * {@link dev.castmesh.security.RouteRightsRule} is the one micronaut-security rule that decides;
 * {@link dev.castmesh.security.AuthErrorHandler} answers 401 ({@code WWW-Authenticate: Bearer}) or
 * 403 as JSON {@code {"error","message"}}.
 *
 * <p><b>Decisions.</b>
 * <ul>
 *   <li>{@code auth.secret} shorter than 32 bytes stops start-up (HS256 needs a 256-bit key).</li>
 *   <li>No {@code auth.secret} but tokens or accounts: a random key per process, with a warning; logins
 *       and minted tokens then last until a restart and are not accepted by other instances.</li>
 *   <li>Failed logins: 5 per client address in any sliding minute, then 429 with {@code Retry-After};
 *       successes do not reset the count; the TCP peer address is used, forwarded headers are not trusted.</li>
 *   <li>{@code POST /api/token}: mode 1..7, id {@code *} or a stream id (URL-unreserved, 1-128 chars),
 *       duration 1 s to 7 days (default 1 h, beyond: 400); a caller cannot mint rights it lacks.</li>
 *   <li>{@code /health}, {@code /api/login} and the dashboard {@code /} are public; {@code /metrics} is admin.</li>
 *   <li>A path in the table is checked even if no controller serves it yet (401/403 before 404); a path
 *       outside the table gets the usual 404/405; a served route outside the table is refused to everyone.</li>
 *   <li>No secret, token or password is logged: micronaut-security's token event and JWT parser (which
 *       would log tokens) are replaced by {@link dev.castmesh.security.BearerAuthenticationFetcher}
 *       and {@link dev.castmesh.security.SignedJwtParser}; the key never enters the Micronaut environment.</li>
 * </ul>
 */
package dev.castmesh.controlplane.auth;

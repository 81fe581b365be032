/**
 * The micronaut-security binding shared by the control plane and the media agent (DESIGN.md "Auth").
 *
 * <p>A server registers its {@code [auth]} record (an {@link dev.castmesh.security.AuthSettings}) as a
 * singleton, an {@link dev.castmesh.api.auth.AccessPolicy} bean made by
 * {@link dev.castmesh.security.AccessPolicies#of} for its {@link dev.castmesh.api.auth.Service}, and the
 * Micronaut properties of {@link dev.castmesh.security.SecurityProperties#of}. Then:
 * <ul>
 *   <li>{@code QueryTokenEdge} takes {@code ?token=} out of the URI in the Netty pipeline, before anything logs it;
 *       {@link dev.castmesh.security.RequestTokenResolver} finds the request's one token ({@code Authorization:
 *       Bearer}, else that query token, {@link dev.castmesh.security.QueryToken});
 *       {@link dev.castmesh.security.BearerAuthenticationFetcher} asks
 *       {@link dev.castmesh.security.StaticTokenValidator} (full rights) before the JWT validator;</li>
 *   <li>{@link dev.castmesh.security.SignedJwtParser} admits only HS256 JWTs, signed with the key of
 *       {@link dev.castmesh.security.SigningKeyFactory}; {@link dev.castmesh.security.GrantJwtAuthenticationFactory}
 *       reads the Live777 claims {@code {id, mode, exp}} into a {@link dev.castmesh.api.auth.Grant};</li>
 *   <li>{@link dev.castmesh.security.RouteRightsRule} asks the policy about every request;
 *       {@link dev.castmesh.security.AuthErrorHandler} answers 401/403 as JSON {@code {"error","message"}}.</li>
 * </ul>
 * No token or secret is ever logged or kept in a request attribute. Login, accounts, token minting and the
 * login rate limit are the control plane's own ({@code dev.castmesh.controlplane.auth}).
 */
package dev.castmesh.security;

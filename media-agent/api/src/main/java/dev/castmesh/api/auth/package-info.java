/**
 * Who may call what, shared by the control plane and the media agent (JDK only, no framework).
 *
 * <ul>
 *   <li>{@link dev.castmesh.api.auth.AccessMode}: the Live777 {@code mode} bits, 4 subscribe (WHEP),
 *       2 publish (WHIP), 1 admin (streams, cascade, record, nodes); independent of each other.</li>
 *   <li>{@link dev.castmesh.api.auth.Grant}: what a credential gives, {@code (id: stream or "*", mode)}.
 *       Static tokens and dashboard logins give {@link dev.castmesh.api.auth.Grant#full()}.</li>
 *   <li>{@link dev.castmesh.api.auth.RouteRights}: the one table of every route of both servers with the
 *       bits it needs and its {@link dev.castmesh.api.auth.Scope}.</li>
 *   <li>{@link dev.castmesh.api.auth.AccessPolicy}: {@code check(grant or null, method, rawPath)} →
 *       ALLOW, UNAUTHENTICATED (401) or FORBIDDEN (403). Routes missing from the table are refused.</li>
 * </ul>
 *
 * <p>Adding a route: add its row to {@code RouteRights.TABLE} (method, path template, bits, scope,
 * which servers) and its line to {@code RouteRightsTest}. Nothing else: both servers' security rules
 * and the control plane's matrix test read the table.
 */
package dev.castmesh.api.auth;

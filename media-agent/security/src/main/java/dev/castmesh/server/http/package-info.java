/** HTTP client helpers both servers share when they call other servers. */
package dev.castmesh.server.http;

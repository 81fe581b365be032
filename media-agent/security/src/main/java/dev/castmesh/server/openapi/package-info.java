/** The OpenAPI document each server generates at build time, served at {@code /openapi.yml}. */
package dev.castmesh.server.openapi;

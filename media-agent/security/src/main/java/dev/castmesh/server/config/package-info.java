/**
 * Configuration support both servers share: {@link dev.castmesh.server.config.TomlConfigLoader} reads a TOML
 * file into validated records (snake_case keys, durations in seconds, errors that name the key as a
 * {@link dev.castmesh.server.config.ConfigException}), the {@code --config} argument, the {@code listen}
 * address and the Micronaut properties of the HTTP listener. Each server keeps its own config records.
 */
package dev.castmesh.server.config;

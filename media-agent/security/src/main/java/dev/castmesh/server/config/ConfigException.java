package dev.castmesh.server.config;

/** A configuration mistake; the message names the key and is printed as one line at start-up. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

package dev.castmesh.controlplane.info;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build wrote into {@code castmesh-build.properties}. A value the build did not fill in (a run from an IDE
 * without Maven's resource filtering leaves {@code ${...}}) reads as {@code unknown}.
 */
record BuildInfo(String version, String gitHash, String buildTime) {
    static final String RESOURCE = "/castmesh-build.properties";
    static final String UNKNOWN = "unknown";

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // unreadable: every value unknown
        }
        return new BuildInfo(value(properties, "version"), value(properties, "gitHash"), value(properties, "buildTime"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }
}

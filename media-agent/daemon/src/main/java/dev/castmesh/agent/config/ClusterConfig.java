package dev.castmesh.agent.config;

import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.server.config.ConfigException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The agent's {@code [cluster]} section: where it sends its heartbeats. No section means standalone.
 *
 * @param controlPlane      base URL of the control plane, http or https, e.g. {@code http://127.0.0.1:8888}
 * @param alias             this node's name (see {@link NodeAlias}); default derived from the host name
 * @param region            region label reported to the control plane, may be empty (default "")
 * @param secret            the node's own secret (set with {@code POST /api/nodes}) or the cluster secret, sent as
 *                          {@code Authorization: Bearer} until the cluster secret enrols the node: from then on the
 *                          agent sends the credential its enrolment answered (kept in {@code identityFile})
 * @param heartbeatInterval seconds between heartbeats (default 2)
 * @param token             optional control-plane bearer token with the admin right, sent with the agent's calls
 *                          to the control plane's API ({@code PUT /api/recordings}); null = no Authorization header
 * @param autopush          every stream published here is to be pushed to a parent agent (default false); the agent
 *                          only reports it in its heartbeats, the control plane starts the pushes
 * @param identityFile      where the agent keeps its enrolment credential and its grant key (JSON, mode 0600;
 *                          default {@code ./.castmesh/node-identity.json}, relative to the working directory)
 */
public record ClusterConfig(String controlPlane, String alias, String region, String secret, Duration heartbeatInterval,
                            String token, Boolean autopush, String identityFile) {
    public static final String DEFAULT_IDENTITY_FILE = "./.castmesh/node-identity.json";
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

    public ClusterConfig {
        if (controlPlane == null || controlPlane.isBlank()) {
            throw new ConfigException("cluster.control_plane is required, e.g. \"http://127.0.0.1:8888\"");
        }
        controlPlane = stripSlash(controlPlane.trim());
        URI uri;
        try {
            uri = URI.create(controlPlane);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cluster.control_plane is not a URL: '" + controlPlane + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            throw new ConfigException("cluster.control_plane must be an http(s) URL without a path, got '"
                    + controlPlane + "'");
        }
        alias = alias == null || alias.isBlank() ? defaultAlias() : alias.trim();
        if (!NodeAlias.isValid(alias)) {
            throw new ConfigException("cluster.alias must be 1 to " + NodeAlias.MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-', got '" + alias + "'");
        }
        region = region == null ? "" : region.trim();
        if (secret == null || secret.isBlank()) {
            throw new ConfigException("cluster.secret is required: the node's secret or the control plane's cluster secret");
        }
        heartbeatInterval = heartbeatInterval == null ? DEFAULT_HEARTBEAT_INTERVAL : heartbeatInterval;
        if (heartbeatInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new ConfigException("cluster.heartbeat_interval must be at least 0.1 seconds");
        }
        token = token == null || token.isBlank() ? null : token.trim();
        autopush = autopush != null && autopush;
        identityFile = identityFile == null || identityFile.isBlank() ? DEFAULT_IDENTITY_FILE : identityFile.trim();
        try {
            java.nio.file.Path.of(identityFile);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException("cluster.identity_file is not a valid path: '" + identityFile + "'");
        }
    }

    /** The heartbeat timeout: {@link #TIMEOUT_SHARE} of the interval, so that a slow answer never costs two beats. */
    public Duration heartbeatTimeout() {
        return Duration.ofMillis(Math.max(100, Math.round(heartbeatInterval.toMillis() * TIMEOUT_SHARE)));
    }

    /**
     * A node is offline after 3 intervals without a heartbeat ({@code offline_after} = 3 × 2 s by default); a timeout
     * under one interval, i.e. under {@code offline_after / 3}, leaves two more tries before that.
     */
    static final double TIMEOUT_SHARE = 0.75;

    /** {@code agent-<host name>}, reduced to the characters an alias allows. */
    static String defaultAlias() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "local");
        }
        return aliasFromHost(host);
    }

    static String aliasFromHost(String host) {
        String first = host == null ? "" : host.split("\\.", 2)[0];
        String cleaned = first.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        String alias = "agent-" + (cleaned.isEmpty() ? "local" : cleaned);
        return alias.length() > NodeAlias.MAX_LENGTH ? alias.substring(0, NodeAlias.MAX_LENGTH) : alias;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "ClusterConfig[controlPlane=" + controlPlane + ", alias=" + alias + ", region=" + region
                + ", secret=***, heartbeatInterval=" + heartbeatInterval + ", token=" + (token == null ? "none" : "***") + ", autopush=" + autopush + ", identityFile=" + identityFile + "]";
    }
}

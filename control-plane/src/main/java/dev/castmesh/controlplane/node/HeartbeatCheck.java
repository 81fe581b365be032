package dev.castmesh.controlplane.node;

import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.api.cluster.NodeHeartbeat;
import dev.castmesh.api.cluster.StreamSnapshot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;

/** Validates a heartbeat body; messages name the field and never echo the token. Pure. */
final class HeartbeatCheck {
    static final int MAX_REGION_LENGTH = 64;
    static final int MAX_TOKEN_LENGTH = 4096;
    static final int MAX_CASCADE_SOURCE_LENGTH = 255;
    static final int MAX_GRANT_KEY_LENGTH = 512;

    private HeartbeatCheck() {
    }

    /**
     * @return the heartbeat with {@code publicUrl} normalised (no trailing slash)
     * @throws IllegalArgumentException naming the field
     */
    static NodeHeartbeat validate(NodeHeartbeat beat) {
        String url = publicUrl(beat.publicUrl());
        region("region", beat.region());
        if (beat.capacity() == null) {
            throw new IllegalArgumentException("capacity is required");
        }
        if (beat.capacity().maxViewers() < 0 || beat.capacity().eachStreamMaxSub() < 0) {
            throw new IllegalArgumentException("capacity: maxViewers and eachStreamMaxSub must not be negative");
        }
        if (beat.capacity().maxStreams() != null && beat.capacity().maxStreams() < 1) {
            throw new IllegalArgumentException("capacity: maxStreams must be at least 1");
        }
        if (beat.load() == null) {
            throw new IllegalArgumentException("load is required");
        }
        double cpu = beat.load().cpuRatio();
        if (!(cpu >= 0 && cpu <= 1)) {
            throw new IllegalArgumentException("load.cpuRatio must be between 0 and 1");
        }
        if (beat.load().bitrateInBps() < 0 || beat.load().bitrateOutBps() < 0 || beat.load().sessions() < 0) {
            throw new IllegalArgumentException("load: bitrates and sessions must not be negative");
        }
        if (beat.streams().size() > NodeHeartbeat.MAX_STREAMS) {
            throw new IllegalArgumentException("streams: at most " + NodeHeartbeat.MAX_STREAMS + " entries");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < beat.streams().size(); i++) {
            StreamSnapshot stream = beat.streams().get(i);
            String field = "streams[" + i + "]";
            if (stream == null) {
                throw new IllegalArgumentException(field + " is null");
            }
            try {
                StreamName.validate(stream.stream());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ".stream: " + e.getMessage());
            }
            if (!names.add(stream.stream())) {
                throw new IllegalArgumentException(field + ".stream is listed twice");
            }
            if (stream.viewers() < 0 || stream.bitrateInBps() < 0 || stream.bitrateOutBps() < 0) {
                throw new IllegalArgumentException(field + ": viewers and bitrates must not be negative");
            }
            if (stream.cascadeFrom() != null && !cascadeSource(stream.cascadeFrom())) {
                throw new IllegalArgumentException(field + ".cascadeFrom must be a node alias or a host:port");
            }
        }
        String token = beat.agentToken();
        if (token != null && (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("agentToken must be 1 to " + MAX_TOKEN_LENGTH
                    + " visible ASCII characters, or null");
        }
        String grantKey = beat.grantKey();
        if (grantKey != null && !grantKey(grantKey)) {
            throw new IllegalArgumentException("grantKey must be " + NodeHeartbeat.MIN_GRANT_KEY_LENGTH + " to "
                    + MAX_GRANT_KEY_LENGTH + " characters of A-Z, a-z, 0-9, '-' and '_', or null");
        }
        return new NodeHeartbeat(url, beat.region().trim(), beat.capacity(), beat.load(), beat.streams(), token,
                beat.autopush(), grantKey);
    }

    private static boolean grantKey(String key) {
        return key.length() >= NodeHeartbeat.MIN_GRANT_KEY_LENGTH && key.length() <= MAX_GRANT_KEY_LENGTH
                && key.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_');
    }

    /**
     * A node alias, or the source's {@code host:port} the agent reports for a pull that named no source node (an
     * operator's pull straight to the agent, outside the cluster's view).
     */
    private static boolean cascadeSource(String source) {
        return NodeAlias.isValid(source) || (source.length() <= MAX_CASCADE_SOURCE_LENGTH
                && source.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '?' && c != '#'));
    }

    static void region(String field, String region) {
        if (region != null && (region.length() > MAX_REGION_LENGTH || region.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_REGION_LENGTH
                    + " characters without control characters");
        }
    }

    private static String publicUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("publicUrl is required");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicUrl is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("publicUrl must be http(s)://host[:port] without path, query or user");
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package dev.castmesh.controlplane.info;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code GET /api/info} as Live777 answers it ({@code ServerInfo} of binbat/live777 {@code libs/api}).
 *
 * @param version   the control plane's version
 * @param gitHash   the short commit it was built from; {@code unknown} when the build was not told
 * @param buildTime when it was built, RFC 3339 UTC
 * @param features  what this server offers, in Live777's names where it has one: {@code cascade}, {@code recorder}
 *                  (recording control, the recordings index and playback, when the recordings storage opens), and
 *                  ours: {@code cluster}, {@code relay}, {@code sse}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServerInfo(String version, String gitHash, String buildTime, List<String> features) {
    public ServerInfo {
        features = List.copyOf(features);
    }
}

package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.auth.AuthConfig;
import dev.castmesh.controlplane.cascade.CascadeConfig;
import dev.castmesh.controlplane.database.DatabaseConfig;
import dev.castmesh.controlplane.ice.ExtraIceConfig;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.playbackproxy.PlaybackConfig;
import dev.castmesh.controlplane.playbackproxy.RecorderSection;
import dev.castmesh.controlplane.relay.RelayConfig;

/** The whole control-plane TOML file, one record per section; missing sections take their defaults. */
public record ControlPlaneConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth, ClusterConfig cluster,
                                 RelayConfig relay, ExtraIceConfig extraIce, CascadeConfig cascade,
                                 RecorderSection recorder, PlaybackConfig playback) {

    public ControlPlaneConfig {
        http = http == null ? HttpConfig.defaults() : http;
        database = database == null ? DatabaseConfig.defaults() : database;
        auth = auth == null ? AuthConfig.open() : auth;
        cluster = cluster == null ? ClusterConfig.defaults() : cluster;
        relay = relay == null ? RelayConfig.defaults() : relay;
        extraIce = extraIce == null ? ExtraIceConfig.defaults() : extraIce;
        cascade = cascade == null ? CascadeConfig.defaults() : cascade;
        recorder = recorder == null ? RecorderSection.defaults() : recorder;
        playback = playback == null ? PlaybackConfig.defaults() : playback;
    }

    /** Without the recording sections (they take their defaults). */
    public ControlPlaneConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth, ClusterConfig cluster,
                              RelayConfig relay, ExtraIceConfig extraIce, CascadeConfig cascade) {
        this(http, database, auth, cluster, relay, extraIce, cascade, null, null);
    }

    /** Without {@code [cascade]} and the recording sections (defaults). */
    public ControlPlaneConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth, ClusterConfig cluster,
                              RelayConfig relay, ExtraIceConfig extraIce) {
        this(http, database, auth, cluster, relay, extraIce, null, null, null);
    }

    /** The first three sections; the cluster sections take their defaults. */
    public ControlPlaneConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth) {
        this(http, database, auth, null, null, null);
    }

    public static ControlPlaneConfig defaults() {
        return new ControlPlaneConfig(null, null, null);
    }

    public ControlPlaneConfig withHttp(HttpConfig newHttp) {
        return new ControlPlaneConfig(newHttp, database, auth, cluster, relay, extraIce, cascade, recorder, playback);
    }

    public ControlPlaneConfig withDatabase(DatabaseConfig newDatabase) {
        return new ControlPlaneConfig(http, newDatabase, auth, cluster, relay, extraIce, cascade, recorder, playback);
    }

    public ControlPlaneConfig withCluster(ClusterConfig newCluster) {
        return new ControlPlaneConfig(http, database, auth, newCluster, relay, extraIce, cascade, recorder, playback);
    }

    public ControlPlaneConfig withRelay(RelayConfig newRelay) {
        return new ControlPlaneConfig(http, database, auth, cluster, newRelay, extraIce, cascade, recorder, playback);
    }

    public ControlPlaneConfig withExtraIce(ExtraIceConfig newExtraIce) {
        return new ControlPlaneConfig(http, database, auth, cluster, relay, newExtraIce, cascade, recorder, playback);
    }

    public ControlPlaneConfig withCascade(CascadeConfig newCascade) {
        return new ControlPlaneConfig(http, database, auth, cluster, relay, extraIce, newCascade, recorder, playback);
    }

    public ControlPlaneConfig withRecorder(RecorderSection newRecorder) {
        return new ControlPlaneConfig(http, database, auth, cluster, relay, extraIce, cascade, newRecorder, playback);
    }

    public ControlPlaneConfig withPlayback(PlaybackConfig newPlayback) {
        return new ControlPlaneConfig(http, database, auth, cluster, relay, extraIce, cascade, recorder, newPlayback);
    }
}

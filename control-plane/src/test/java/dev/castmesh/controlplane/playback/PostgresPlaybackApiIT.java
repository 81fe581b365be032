package dev.castmesh.controlplane.playback;

import dev.castmesh.controlplane.testing.TestControlPlane;

class PostgresPlaybackApiIT extends PlaybackApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.POSTGRES;
    }
}

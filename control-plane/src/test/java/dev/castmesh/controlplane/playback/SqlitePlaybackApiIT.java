package dev.castmesh.controlplane.playback;

import dev.castmesh.controlplane.testing.TestControlPlane;

class SqlitePlaybackApiIT extends PlaybackApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.SQLITE;
    }
}

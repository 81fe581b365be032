package dev.castmesh.controlplane.recording;

import dev.castmesh.controlplane.testing.TestControlPlane;

class PostgresRecordingIndexIT extends RecordingIndexContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.POSTGRES;
    }
}

package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.testing.TestControlPlane;

class SqliteNodeApiIT extends NodeApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.SQLITE;
    }
}

package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.testing.TestControlPlane;

class SqliteNodeRegistryIT extends NodeRegistryContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.SQLITE;
    }
}

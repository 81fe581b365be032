package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.testing.TestControlPlane;

class PostgresNodeApiIT extends NodeApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.POSTGRES;
    }
}

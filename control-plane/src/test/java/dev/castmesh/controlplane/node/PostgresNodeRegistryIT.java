package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.testing.TestControlPlane;

class PostgresNodeRegistryIT extends NodeRegistryContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.POSTGRES;
    }
}

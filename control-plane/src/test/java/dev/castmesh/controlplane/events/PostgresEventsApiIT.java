package dev.castmesh.controlplane.events;

import dev.castmesh.controlplane.testing.TestControlPlane;

class PostgresEventsApiIT extends EventsApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.POSTGRES;
    }
}

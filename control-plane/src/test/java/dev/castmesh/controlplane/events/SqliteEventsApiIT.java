package dev.castmesh.controlplane.events;

import dev.castmesh.controlplane.testing.TestControlPlane;

class SqliteEventsApiIT extends EventsApiContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.SQLITE;
    }
}

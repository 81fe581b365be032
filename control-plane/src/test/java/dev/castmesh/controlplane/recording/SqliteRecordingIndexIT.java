package dev.castmesh.controlplane.recording;

import dev.castmesh.controlplane.testing.TestControlPlane;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqliteRecordingIndexIT extends RecordingIndexContract {
    @Override
    TestControlPlane.Db db() {
        return TestControlPlane.Db.SQLITE;
    }

    @Test
    void connectionsUseWalAndWaitForLocks() throws SQLException {
        DataSource dataSource = TestControlPlane.shared(db()).dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals("wal", single(statement, "PRAGMA journal_mode"));
            assertEquals("30000", single(statement, "PRAGMA busy_timeout"));
            connection.setReadOnly(true); // ignored on SQLite instead of failing
        }
    }

    @Test
    void timestampsAreStoredAsEpochMilliseconds() throws SQLException {
        TestControlPlane app = TestControlPlane.shared(db());
        app.bean(RecordingIndex.class).upsert(new RecordingUpsert("ms", 2026, 1, 1, "p"));
        try (Connection connection = app.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(Long.toString(app.clock.instant().toEpochMilli()),
                    single(statement, "SELECT created_at FROM recordings WHERE stream = 'ms'"));
            assertEquals("integer", single(statement, "SELECT typeof(updated_at) FROM recordings WHERE stream = 'ms'"));
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

package dev.castmesh.controlplane.config;

import dev.castmesh.controlplane.database.DatabaseConfig;
import dev.castmesh.controlplane.database.PostgresUrl;
import dev.castmesh.server.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlPlaneConfigLoaderTest {
    private final ControlPlaneConfigLoader loader = new ControlPlaneConfigLoader(Map.of());

    private String error(String toml) {
        return error(loader, toml);
    }

    private static String error(ControlPlaneConfigLoader loader, String toml) {
        String message = assertThrows(ConfigException.class, () -> loader.parse(toml)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void defaults() {
        ControlPlaneConfig config = loader.parse("");
        assertEquals("0.0.0.0:8888", config.http().listen());
        assertTrue(config.http().cors());
        assertEquals(DatabaseConfig.DEFAULT_URL, config.database().url());
        assertEquals(10, config.database().maxConnections());
        assertEquals(Duration.ofSeconds(30), config.database().connectTimeout());
        assertTrue(config.auth().isOpen());
    }

    @Test
    void seedDatabaseSection() {
        ControlPlaneConfig config = loader.parse("""
                [http]
                listen = "127.0.0.1:9999"
                public = "https://cm.example.com"
                cors = false

                [database]
                url = "postgresql://user:password@localhost:5432/live777"
                max_connections = 4
                connect_timeout = 2.5
                """);
        assertEquals(9999, config.http().port());
        assertEquals("https://cm.example.com", config.http().publicUrl());
        assertFalse(config.http().cors());
        assertEquals(4, config.database().maxConnections());
        assertEquals(Duration.ofMillis(2500), config.database().connectTimeout());
        PostgresUrl url = assertInstanceOf(PostgresUrl.class, config.database().parsedUrl());
        assertEquals("live777", url.database());
        assertFalse(config.database().toString().contains("password@"), config.database().toString());
    }

    @Test
    void environmentWins() {
        ControlPlaneConfigLoader withEnv = new ControlPlaneConfigLoader(
                Map.of("DATABASE_URL", "postgres://u:pw@db/x", "PORT", "7000"));
        ControlPlaneConfig config = withEnv.parse("[database]\nurl = \"sqlite://./a.db\"\nmax_connections = 3\n");
        assertEquals("postgres://u:pw@db/x", config.database().url());
        assertEquals(3, config.database().maxConnections());
        assertEquals(7000, config.http().port());
    }

    @Test
    void badEnvironmentValuesAreNamed() {
        assertEquals("environment variable DATABASE_URL: unsupported database scheme 'mysql' in 'mysql://root:***@db/x'"
                        + " (use sqlite://PATH or postgresql://user:password@host:port/db)",
                error(new ControlPlaneConfigLoader(Map.of("DATABASE_URL", "mysql://root:hunter2@db/x")), ""));
        assertTrue(error(new ControlPlaneConfigLoader(Map.of("PORT", "70000")), "").startsWith("environment variable PORT"));
    }

    @Test
    void malformedToml() {
        assertEquals("malformed TOML at line 1: Newline not permitted here", error("[database\nurl = 1"));
        assertTrue(error("[database]\nurl = \"unterminated\n").startsWith("malformed TOML"));
    }

    @Test
    void unknownKeysAreNamed() {
        assertEquals("unknown key 'database.max_conections'", error("[database]\nmax_conections = 3"));
        assertEquals("unknown key 'databse'", error("[databse]\nurl = \"sqlite://x.db\""));
    }

    @Test
    void wrongValueTypesAreNamedInPlainWords() {
        assertEquals("key 'database.max_connections': expected an integer", error("[database]\nmax_connections = \"ten\""));
        assertEquals("key 'database.max_connections': '1.5' is not an integer", error("[database]\nmax_connections = 1.5"));
        assertEquals("key 'database.connect_timeout': expected a number of seconds", error("[database]\nconnect_timeout = \"30\""));
        assertEquals("key 'http.cors': expected true or false", error("[http]\ncors = \"yes\""));
        assertEquals("key 'database': expected a table", error("database = 3"));
        assertEquals("key 'database.url': expected a string", error("[database]\nurl = [\"a\"]"));
    }

    @Test
    void corsOriginsAreBrowserOriginsNamedByIndex() {
        assertTrue(error("[http]\ncors_origins = [\"https://dash.example.com\", \"dash.example.com\"]")
                .contains("http.cors_origins[1] must be a browser origin"), error("[http]\ncors_origins = [\"x\"]"));
        assertTrue(error("[http]\ncors_origins = [\"https://dash.example.com/app\"]").contains("http.cors_origins[0]"));
    }

    @Test
    void wrongValueTypesAreNamed() {
        assertTrue(error("[database]\nmax_connections = \"ten\"").startsWith("key 'database.max_connections'"));
        assertTrue(error("[database]\nmax_connections = true").startsWith("key 'database.max_connections'"));
        assertTrue(error("[database]\nmax_connections = \"10\"").startsWith("key 'database.max_connections'"));
        assertTrue(error("[database]\nconnect_timeout = \"30\"").startsWith("key 'database.connect_timeout'"));
        assertTrue(error("[database]\nurl = 5").startsWith("key 'database.url'"), error("[database]\nurl = 5"));
        assertTrue(error("[database]\nurl = [\"a\"]").startsWith("key 'database.url'"));
        assertTrue(error("[http]\nlisten = 8888").startsWith("key 'http.listen'"));
        assertTrue(error("[http]\ncors = \"yes\"").startsWith("key 'http.cors'"));
        assertTrue(error("database = 3").startsWith("key 'database'"), error("database = 3"));
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("key 'database.max_connections': must be at least 1, got 0", error("[database]\nmax_connections = 0"));
        assertEquals("key 'database.connect_timeout': must be at least 1 second", error("[database]\nconnect_timeout = 0"));
        assertTrue(error("[database]\nconnect_timeout = -1").startsWith("key 'database.connect_timeout'"));
        assertTrue(error("[http]\nlisten = \"nocolon\"").startsWith("key 'http.listen': must be host:port"));
    }

    @Test
    void unsupportedSchemeIsNamedAndMasked() {
        String message = error("[database]\nurl = \"mysql://root:hunter2@db:3306/x\"");
        assertTrue(message.startsWith("key 'database.url': unsupported database scheme 'mysql'"), message);
        assertTrue(message.contains("mysql://root:***@db:3306/x"), message);
        assertFalse(message.contains("hunter2"));
    }

    @Test
    void badSqliteModeIsNamed() {
        assertTrue(error("[database]\nurl = \"sqlite://x.db?mode=rwx\"").startsWith("key 'database.url': SQLite mode"));
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("control-plane.toml");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(file)).getMessage().startsWith("config file not found"));
        Files.writeString(file, "[database]\nmax_connections = -2\n");
        assertEquals(file + ": key 'database.max_connections': must be at least 1, got -2",
                assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }
}

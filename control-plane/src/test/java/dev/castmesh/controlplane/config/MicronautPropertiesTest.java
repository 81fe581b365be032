package dev.castmesh.controlplane.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MicronautPropertiesTest {
    private final ControlPlaneConfigLoader loader = new ControlPlaneConfigLoader(Map.of());

    @Test
    void sqliteDefaults() {
        Map<String, Object> properties = MicronautProperties.of(loader.parse(""));
        assertEquals("0.0.0.0", properties.get("micronaut.server.host"));
        assertEquals(8888, properties.get("micronaut.server.port"));
        assertEquals("jdbc:sqlite:./liveman.db?open_mode=6&busy_timeout=30000&journal_mode=WAL", properties.get("datasources.default.url"));
        assertEquals("org.sqlite.JDBC", properties.get("datasources.default.driver-class-name"));
        assertEquals(10, properties.get("datasources.default.maximum-pool-size"));
        assertEquals(30_000L, properties.get("datasources.default.connection-timeout"));
        assertEquals(false, properties.get("datasources.default.read-only"));
        assertEquals("classpath:db/migration/sqlite", properties.get("flyway.datasources.default.locations"));
        assertEquals("/metrics", properties.get("endpoints.prometheus.path"));
        assertEquals(true, properties.get("micronaut.server.cors.enabled"));
    }

    @Test
    void postgresqlPoolAndNoCredentialsInProperties() {
        Map<String, Object> properties = MicronautProperties.of(loader.parse("""
                [http]
                listen = "127.0.0.1:0"
                [database]
                url = "postgresql://cm:s3cret@db:5432/live777?sslmode=require"
                max_connections = 4
                connect_timeout = 5
                """));
        assertEquals(-1, properties.get("micronaut.server.port"));
        assertEquals("jdbc:postgresql://db:5432/live777?sslmode=require&connectTimeout=5", properties.get("datasources.default.url"));
        assertEquals(4, properties.get("datasources.default.maximum-pool-size"));
        assertEquals(5_000L, properties.get("datasources.default.connection-timeout"));
        assertEquals("classpath:db/migration/postgres", properties.get("flyway.datasources.default.locations"));
        assertFalse(properties.toString().contains("s3cret"));
    }

    @Test
    void sqliteReadOnlyAndMemory() {
        assertEquals(true, MicronautProperties.of(loader.parse("[database]\nurl = \"sqlite://x.db?mode=ro\"")).get("datasources.default.read-only"));
        Map<String, Object> memory = MicronautProperties.of(loader.parse("[database]\nurl = \"sqlite::memory:\""));
        assertEquals(1, memory.get("datasources.default.maximum-pool-size"));
        assertEquals(0, memory.get("datasources.default.max-lifetime"));
    }
}

package dev.castmesh.controlplane.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUrlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static SqliteUrl sqlite(String url) {
        return assertInstanceOf(SqliteUrl.class, DatabaseUrl.parse(url));
    }

    private static PostgresUrl postgres(String url) {
        return assertInstanceOf(PostgresUrl.class, DatabaseUrl.parse(url));
    }

    private static String error(String url) {
        return assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(url)).getMessage();
    }

    @Test
    void defaultSqliteUrlIsRelativeAndCreatesTheFile() {
        SqliteUrl url = sqlite("sqlite://./liveman.db?mode=rwc");
        assertEquals("./liveman.db", url.path());
        assertEquals(SqliteMode.RWC, url.mode());
        assertEquals("jdbc:sqlite:./liveman.db?open_mode=6&busy_timeout=30000&journal_mode=WAL", url.jdbcUrl(TIMEOUT));
        assertEquals("org.sqlite.JDBC", url.driverClassName());
        assertEquals("classpath:db/migration/sqlite", url.migrations());
        assertEquals(10, url.poolSize(10));
        assertEquals("sqlite://./liveman.db?mode=rwc", url.masked());
    }

    @Test
    void sqlitePathForms() {
        assertEquals("/var/lib/castmesh/liveman.db", sqlite("sqlite:///var/lib/castmesh/liveman.db").path());
        assertEquals("liveman.db", sqlite("sqlite://liveman.db").path());
        assertEquals("data/liveman.db", sqlite("sqlite:data/liveman.db").path());
        assertEquals("/tmp/my recordings.db", sqlite("sqlite:///tmp/my%20recordings.db?mode=rwc").path());
        assertEquals("a+b.db", sqlite("SQLITE://a+b.db").path());
    }

    @Test
    void sqliteModes() {
        assertEquals(SqliteMode.RW, sqlite("sqlite://x.db").mode());
        assertEquals("jdbc:sqlite:x.db?open_mode=2&busy_timeout=1500&journal_mode=WAL",
                sqlite("sqlite://x.db?mode=rw").jdbcUrl(Duration.ofMillis(1500)));
        assertEquals("jdbc:sqlite:x.db?open_mode=1&busy_timeout=30000", sqlite("sqlite://x.db?mode=ro").jdbcUrl(TIMEOUT));
        SqliteUrl memory = sqlite("sqlite://x.db?mode=memory");
        assertEquals(SqliteMode.MEMORY, memory.mode());
        assertNull(memory.path());
        assertEquals("jdbc:sqlite::memory:?open_mode=6&busy_timeout=30000", memory.jdbcUrl(TIMEOUT));
        assertEquals(1, memory.poolSize(10));
        assertEquals(SqliteMode.MEMORY, sqlite("sqlite::memory:").mode());
        assertEquals(SqliteMode.MEMORY, sqlite("sqlite://:memory:").mode());
    }

    @Test
    void sqliteErrors() {
        assertTrue(error("sqlite://x.db?mode=rwx").contains("mode must be ro, rw, rwc or memory, got 'rwx'"));
        assertTrue(error("sqlite://x.db?cache=shared").contains("unsupported SQLite URL parameter 'cache'"));
        assertTrue(error("sqlite://x%zz.db").contains("invalid percent-encoding"));
    }

    @Test
    void postgresUrlFromTheSeed() {
        PostgresUrl url = postgres("postgresql://user:password@localhost:5432/live777");
        assertEquals("localhost:5432", url.hosts());
        assertEquals("live777", url.database());
        assertEquals("user", url.username());
        assertEquals("password", url.password());
        assertEquals("jdbc:postgresql://localhost:5432/live777?connectTimeout=30", url.jdbcUrl(TIMEOUT));
        assertEquals("org.postgresql.Driver", url.driverClassName());
        assertEquals("classpath:db/migration/postgres", url.migrations());
        assertEquals("postgresql://user:***@localhost:5432/live777", url.masked());
        assertFalse(url.toString().contains("password@"));
    }

    @Test
    void postgresSchemeAliasAndDefaults() {
        PostgresUrl url = postgres("postgres://db.example.com/castmesh");
        assertEquals("db.example.com", url.hosts());
        assertNull(url.username());
        assertNull(url.password());
        assertEquals("jdbc:postgresql://db.example.com/castmesh?connectTimeout=3", url.jdbcUrl(Duration.ofMillis(2500)));
    }

    @Test
    void percentEncodedSpecialCharactersInCredentials() {
        PostgresUrl url = postgres("postgresql://cm%20user:p%40ss%3Aw%2Frd%25@host:5432/db");
        assertEquals("cm user", url.username());
        assertEquals("p@ss:w/rd%", url.password());
        assertEquals("postgresql://cm%20user:***@host:5432/db", url.masked());
        assertFalse(url.jdbcUrl(TIMEOUT).contains("ss"));
    }

    @Test
    void plusIsLiteralAndRawAtSignsAreTolerated() {
        assertEquals("a+b", postgres("postgresql://u:a+b@h/db").password());
        PostgresUrl raw = postgres("postgresql://u:p@ss:w/rd@h:5432/db");
        assertEquals("p@ss:w/rd", raw.password());
        assertEquals("h:5432", raw.hosts());
        assertEquals("postgresql://u:***@h:5432/db", raw.masked());
    }

    @Test
    void extraParametersPassThrough() {
        PostgresUrl url = postgres("postgresql://u:pw@h:5432/db?sslmode=require&application_name=cast%20mesh&connectTimeout=5");
        assertEquals(Map.of("sslmode", "require", "application_name", "cast mesh", "connectTimeout", "5"), url.parameters());
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=require&application_name=cast+mesh&connectTimeout=5",
                url.jdbcUrl(TIMEOUT));
    }

    @Test
    void credentialsInQueryParametersAreTakenOutOfTheJdbcUrl() {
        PostgresUrl url = postgres("postgresql://h/db?user=u&password=s%26cret&sslmode=disable");
        assertEquals("u", url.username());
        assertEquals("s&cret", url.password());
        assertEquals("jdbc:postgresql://h/db?sslmode=disable&connectTimeout=30", url.jdbcUrl(TIMEOUT));
        assertEquals("postgresql://h/db?user=u&password=***&sslmode=disable", url.masked());
    }

    @Test
    void severalHostsAndIpv6() {
        assertEquals("h1:5432,h2:5433", postgres("postgresql://u@h1:5432,h2:5433/db").hosts());
        assertEquals("[::1]:5432", postgres("postgresql://u@[::1]:5432/db").hosts());
        assertEquals("", postgres("postgresql://u@h").database());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u:secret@h:99999/db", "postgresql://u:secret@h:x/db", "postgresql://u:secret@/db",
            "postgresql:u:secret@h/db", "postgresql://u:sec%zzret@h/db", "postgresql://u:secret@h/db/x"})
    void postgresErrorsNeverShowThePassword(String bad) {
        String message = error(bad);
        assertFalse(message.contains("secret"), message);
        assertFalse(message.contains("sec%zzret"), message);
    }

    @Test
    void unsupportedSchemeIsNamedWithThePasswordMasked() {
        String message = error("mysql://root:hunter2@db:3306/x");
        assertEquals("unsupported database scheme 'mysql' in 'mysql://root:***@db:3306/x'"
                + " (use sqlite://PATH or postgresql://user:password@host:port/db)", message);
        assertTrue(error("liveman.db").startsWith("not a database URL"));
        assertEquals("database URL is empty", error(" "));
    }

    @Test
    void maskText() {
        assertEquals("failed: postgresql://u:***@h/db (refused)", DatabaseUrl.maskText("failed: postgresql://u:p@ss@h/db (refused)"));
        assertEquals("x?password=***&a=b", DatabaseUrl.maskText("x?password=abc&a=b"));
        assertEquals("no url here", DatabaseUrl.maskText("no url here"));
    }
}

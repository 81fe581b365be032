package dev.castmesh.agent.config;

import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.TomlConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterConfigTest {
    private final TomlConfigLoader loader = new TomlConfigLoader();

    @Test
    void noSectionIsStandalone() {
        AgentConfig config = loader.parse("", AgentConfig.class);
        assertNull(config.cluster());
        assertFalse(config.clustered());
    }

    @Test
    void readsEveryKey() {
        ClusterConfig cluster = loader.parse("""
                [cluster]
                control_plane = "http://10.0.0.1:8888/"
                alias = "edge-1"
                region = "eu"
                secret = "a-cluster-secret-of-some-length"
                heartbeat_interval = 1.5
                autopush = true
                """, AgentConfig.class).cluster();
        assertEquals("http://10.0.0.1:8888", cluster.controlPlane());
        assertEquals("edge-1", cluster.alias());
        assertEquals("eu", cluster.region());
        assertEquals(Duration.ofMillis(1500), cluster.heartbeatInterval());
        assertTrue(cluster.autopush());
        assertFalse(cluster.toString().contains("a-cluster-secret"), "toString hides the secret");
    }

    @Test
    void defaults() {
        ClusterConfig cluster = loader.parse("""
                [cluster]
                control_plane = "https://cm.example.com"
                secret = "s3cret-s3cret-s3cret"
                """, AgentConfig.class).cluster();
        assertTrue(NodeAlias.isValid(cluster.alias()), cluster.alias());
        assertTrue(cluster.alias().startsWith("agent-"));
        assertEquals("", cluster.region());
        assertEquals(Duration.ofSeconds(2), cluster.heartbeatInterval());
        assertFalse(cluster.autopush());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "host.example.com|agent-host",
            "My_Box|agent-my_box",
            "wéird name|agent-w-ird-name",
            "''|agent-local"})
    void aliasFromHostName(String host, String alias) {
        assertEquals(alias, ClusterConfig.aliasFromHost(host));
        assertTrue(NodeAlias.isValid(alias));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "secret = \"x\"|cluster.control_plane",
            "control_plane = \"ftp://x\"\\nsecret = \"x\"|cluster.control_plane",
            "control_plane = \"http://x:1/api\"\\nsecret = \"x\"|cluster.control_plane",
            "control_plane = \"http://x:1\"|cluster.secret",
            "control_plane = \"http://x:1\"\\nsecret = \"x\"\\nalias = \"a.b\"|cluster.alias",
            "control_plane = \"http://x:1\"\\nsecret = \"x\"\\nheartbeat_interval = 0|cluster.heartbeat_interval",
            "control_plane = \"http://x:1\"\\nsecret = \"x\"\\nheartbeat_interval = \"2s\"|cluster.heartbeat_interval",
            "control_plane = \"http://x:1\"\\nsecret = \"x\"\\nautopush = \"yes\"|cluster.autopush"})
    void mistakesNameTheKey(String body, String key) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.parse("[cluster]\n" + body.replace("\\n", "\n"), AgentConfig.class));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}

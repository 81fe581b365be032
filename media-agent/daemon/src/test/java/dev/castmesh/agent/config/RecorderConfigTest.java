package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.TomlConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecorderConfigTest {
    private final TomlConfigLoader loader = new TomlConfigLoader();

    @Test
    void defaultsWithoutTheSection() {
        RecorderConfig r = loader.parse("", AgentConfig.class).recorder();
        assertEquals(List.of(), r.autoStreams());
        assertEquals(Duration.ofSeconds(4), r.segmentTarget());
        assertEquals("./.castmesh/spool", r.spool());
    }

    @Test
    void readsEveryKey() {
        RecorderConfig r = loader.parse("""
                [recorder]
                auto_streams = ["live*", "cam-?"]
                segment_duration = 6
                spool = "/var/spool/castmesh"
                """, AgentConfig.class).recorder();
        assertEquals(List.of("live*", "cam-?"), r.autoStreams());
        assertEquals(Duration.ofSeconds(6), r.segmentTarget());
        assertEquals("/var/spool/castmesh", r.spool());
    }

    @Test
    void mistakesNameTheKey() {
        assertMessage("[recorder]\nsegment_duration = 1\n", "recorder.segment_duration");
        assertMessage("[recorder]\nsegment_duration = 11\n", "recorder.segment_duration");
        assertMessage("[recorder]\nauto_streams = [\"\"]\n", "recorder.auto_streams[0]");
        assertMessage("[recorder]\nspool = \"\"\n", "recorder.spool");
        assertMessage("[recorder]\nsegment = 4\n", "segment");
    }

    @Test
    void clusterTokenIsOptionalAndMasked() {
        String base = "[cluster]\ncontrol_plane = \"http://127.0.0.1:8888\"\nsecret = \"a-cluster-secret-of-some-length\"\n";
        assertNull(loader.parse(base, AgentConfig.class).cluster().token());
        ClusterConfig c = loader.parse(base + "token = \"admin-token-value\"\n", AgentConfig.class).cluster();
        assertEquals("admin-token-value", c.token());
        assertFalse(c.toString().contains("admin-token-value"), c.toString());
        assertTrue(c.toString().contains("token=***"), c.toString());
    }

    private void assertMessage(String toml, String part) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(toml, AgentConfig.class));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}

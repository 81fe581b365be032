package dev.castmesh.agent.config;

import dev.castmesh.server.config.ConfigException;
import dev.castmesh.server.config.TomlConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentConfigTest {
    private final TomlConfigLoader loader = new TomlConfigLoader();

    @Test
    void shippedFileLoads() {
        AgentConfig config = loader.read(Path.of("../../config/media-agent.toml"), AgentConfig.class);
        assertEquals(7777, config.http().port());
        assertTrue(config.auth().isOpen());
        assertEquals(200, config.strategy().eachStreamMaxSub());
        assertEquals(Duration.ofSeconds(10), config.webrtc().negotiationTimeout());
    }

    @Test
    void emptyFileTakesDefaults() {
        AgentConfig config = loader.parse("", AgentConfig.class);
        assertEquals(AgentConfig.defaults(), config);
        assertEquals(Duration.ofSeconds(30), config.webrtc().sessionIdleTimeout());
        assertEquals(500, config.strategy().maxViewers());
    }

    @Test
    void readsEverySection() {
        AgentConfig config = loader.parse("""
                [auth]
                secret = "0123456789abcdef0123456789abcdef"
                tokens = ["cp-token"]
                [[ice_servers]]
                urls = ["stun:stun.example.net:3478"]
                [[ice_servers]]
                urls = ["turn:turn.example.net:3478?transport=udp"]
                username = "u"
                credential = "p"
                [strategy]
                each_stream_max_sub = 3
                [webrtc]
                negotiation_timeout = 4
                session_idle_timeout = 12
                """, AgentConfig.class);
        assertFalse(config.auth().isOpen());
        assertEquals(List.of("cp-token"), config.auth().tokens());
        assertEquals(2, config.iceServers().size());
        assertTrue(config.iceServers().get(1).hasCredentials());
        assertEquals(3, config.strategy().eachStreamMaxSub());
        assertEquals(Duration.ofSeconds(12), config.webrtc().sessionIdleTimeout());
        assertFalse(config.auth().toString().contains("0123456789"), "secrets are masked");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[auth]\\nsecret = \"short\"                         | auth.secret is 5 bytes",
            "[auth]\\ntokens = [\"\"]                            | auth.tokens[0] must not be empty",
            "[strategy]\\neach_stream_max_sub = 0               | strategy.each_stream_max_sub",
            "[strategy]\\neach_stream_max_sub = \"many\"          | strategy.each_stream_max_sub",
            "[webrtc]\\nsession_idle_timeout = 1                | webrtc.session_idle_timeout",
            "[webrtc]\\nnegotiation_timeout = -1                | webrtc.negotiation_timeout",
            "[[ice_servers]]\\nurls = [\"http://x\"]             | ice_servers[0]",
            "[http]\\nlisten = \"nowhere\"                       | http.listen",
            "[strategy]\\nmax_sub = 3                           | unknown key 'strategy.max_sub'",
            "[cascade]\\nallow = [\"10.0.0.7:7777\"]               | cascade.allow[0] must be an http(s) origin",
            "[cascade]\\nallow = [\"http://a:1/whep\"]             | cascade.allow[0] must be an http(s) origin without a path",
    })
    void mistakesNameTheKey(String toml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(toml.replace("\\n", "\n"), AgentConfig.class));
        assertTrue(e.getMessage().contains(expected.trim()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /** The agent reads TOML with the same loader as the control plane: strict value types, the same wording. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[strategy]\\neach_stream_max_sub = \"3\"             | key 'strategy.each_stream_max_sub': expected an integer",
            "[strategy]\\neach_stream_max_sub = 1.5               | key 'strategy.each_stream_max_sub': '1.5' is not an integer",
            "[http]\\nlisten = \"nowhere\"                       | key 'http.listen': must be host:port, got 'nowhere'",
            "[http\\nlisten = 1                                 | malformed TOML at line 1: Newline not permitted here",
    })
    void mistakesAreWordedLikeTheControlPlanes(String toml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(toml.replace("\\n", "\n"), AgentConfig.class));
        assertEquals(expected.trim(), e.getMessage());
    }

    @Test
    void cascadeAllowTakesOriginsAndAnyPortOfAHost() {
        AgentConfig config = loader.parse("[cascade]\nallow = [\"http://10.0.0.7\", \"HTTP://Peer:*\"]", AgentConfig.class);
        assertTrue(config.cascade().allows("http://10.0.0.7:80"));
        assertTrue(config.cascade().allows("http://peer:7777"));
        assertFalse(config.cascade().allows("https://peer:7777"));
        assertFalse(AgentConfig.defaults().cascade().allows("http://10.0.0.7:80"), "nothing by default");
    }
}

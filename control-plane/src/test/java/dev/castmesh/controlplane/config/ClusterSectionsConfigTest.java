package dev.castmesh.controlplane.config;

import dev.castmesh.api.ice.IceServer;
import dev.castmesh.server.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [cluster]}, {@code [relay]} and {@code [extra_ice]}: defaults, the seed's keys, and errors naming the key. */
class ClusterSectionsConfigTest {
    private final ControlPlaneConfigLoader loader = new ControlPlaneConfigLoader(Map.of());

    private String error(String toml) {
        return assertThrows(ConfigException.class, () -> loader.parse(toml)).getMessage();
    }

    @Test
    void defaults() {
        ControlPlaneConfig config = loader.parse("");
        assertTrue(config.cluster().autoRegister());
        assertNull(config.cluster().secret());
        assertEquals(Duration.ofSeconds(6), config.cluster().offlineAfter());
        assertEquals("", config.cluster().region());
        assertEquals(Duration.ofSeconds(15), config.cluster().agentTimeout());
        assertEquals(List.of("/api/"), config.relay().allow());
        assertEquals(List.of(), config.relay().deny());
        assertFalse(config.extraIce().overrideUpstreamIceServers());
        assertEquals(List.of(), config.extraIce().iceServers());
        assertNull(config.extraIce().coturn());
        assertNull(config.extraIce().cloudflare());
    }

    @Test
    void seedSections() {
        ControlPlaneConfig config = loader.parse("""
                [cluster]
                auto_register = false
                secret = "0123456789abcdef"
                offline_after = 9
                region = "hq"
                [relay]
                allow = ["/api/", "/flv/"]
                deny = ["/API/Admin/"]
                [extra_ice]
                override_upstream_ice_servers = true
                [[extra_ice.ice_servers]]
                urls = ["stun:stun.22333.fun", "stun:cn.22333.fun"]
                [[extra_ice.ice_servers]]
                urls = [ "turn:turn.22333.fun", "turn:cn.22333.fun" ]
                username = "live777"
                credential = "live777"
                [extra_ice.coturn]
                secret = "live777"
                urls = ["stun:coturn.22333.fun:3478", "turn:coturn.22333.fun:3478?transport=udp"]
                ttl = 3600
                [extra_ice.cloudflare]
                key_id = ""
                api_token = ""
                ttl = 3600
                """);
        assertFalse(config.cluster().autoRegister());
        assertEquals(Duration.ofSeconds(9), config.cluster().offlineAfter());
        assertEquals("hq", config.cluster().region());
        assertEquals(List.of("/api/admin/"), config.relay().deny());
        assertTrue(config.extraIce().overrideUpstreamIceServers());
        assertEquals(List.of(new IceServer(List.of("stun:stun.22333.fun", "stun:cn.22333.fun"), null, null),
                new IceServer(List.of("turn:turn.22333.fun", "turn:cn.22333.fun"), "live777", "live777")),
                config.extraIce().staticServers());
        assertEquals(Duration.ofHours(1), config.extraIce().coturn().ttl());
        assertFalse(config.extraIce().cloudflare().enabled(), "Liveman's empty example section turns Cloudflare off");
        assertFalse(config.toString().contains("0123456789abcdef"));
        assertFalse(config.extraIce().toString().contains("live777\""));
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals("key 'cluster.secret': must be at least 16 characters (a random string, e.g. `openssl rand -base64 24`)",
                error("[cluster]\nsecret = \"short\"\n"));
        assertEquals("key 'cluster.offline_after': must be at least 1 second", error("[cluster]\noffline_after = 0\n"));
        assertEquals("key 'cluster.auto_register': expected true or false", error("[cluster]\nauto_register = \"yes\"\n"));
        assertEquals("key 'relay.allow': entry 0 must be a path prefix starting with '/'", error("[relay]\nallow = [\"api\"]\n"));
        assertEquals("key 'extra_ice.ice_servers[0].urls': ICE server url must start with stun:, turn: or turns:, got 'http://x'",
                error("[[extra_ice.ice_servers]]\nurls = [\"http://x\"]\n"));
        assertEquals("key 'extra_ice.coturn.secret': coturn's --static-auth-secret is needed",
                error("[extra_ice.coturn]\nurls = [\"turn:x\"]\n"));
        assertEquals("key 'extra_ice.cloudflare.api_token': key_id and api_token go together",
                error("[extra_ice.cloudflare]\nkey_id = \"k\"\n"));
        assertEquals("unknown key 'extra_ice.coturn.user'", error("[extra_ice.coturn]\nsecret = \"s\"\nurls = [\"turn:x\"]\nuser = \"u\"\n"));
    }

    @Test
    void shippedConfigLoads() {
        ControlPlaneConfig config = loader.load(Path.of("../config/control-plane.toml"));
        assertEquals(List.of("/api/admin/"), config.relay().deny());
        assertTrue(config.cluster().autoRegister());
    }
}

package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.config.ControlPlaneConfig;
import dev.castmesh.controlplane.config.ControlPlaneConfigLoader;
import dev.castmesh.server.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code [cascade]}: defaults, keys, rules and errors naming the key. */
class CascadeConfigTest {
    private final ControlPlaneConfigLoader loader = new ControlPlaneConfigLoader(Map.of());

    private String error(String toml) {
        return assertThrows(ConfigException.class, () -> loader.parse(toml)).getMessage();
    }

    @Test
    void defaults() {
        CascadeConfig cascade = loader.parse("").cascade();
        assertEquals(Duration.ofSeconds(60), cascade.idleTimeout());
        assertEquals(60, cascade.idleTimeoutSeconds());
        assertEquals(CascadeMode.PULL, cascade.mode());
        assertEquals(Duration.ofSeconds(2), cascade.reconcileInterval());
        assertEquals(List.of(), cascade.pull());
        assertEquals(Optional.empty(), cascade.pullSource("cam"));
    }

    @Test
    void keys() {
        ControlPlaneConfig config = loader.parse("""
                [cascade]
                idle_timeout = 0
                mode = "push"
                reconcile_interval = 0.5
                [[cascade.pull]]
                match = "live-(.*)"
                source = "cam-$1"
                [[cascade.pull]]
                match = "ext-(?<id>[a-z]+)"
                source = "https://other.example/whep/${id}"
                token = "remote-token"
                [[cascade.pull]]
                match = ".*"
                source = "fallback"
                """);
        CascadeConfig cascade = config.cascade();
        assertEquals(Duration.ZERO, cascade.idleTimeout());
        assertEquals(CascadeMode.PUSH, cascade.mode());
        assertEquals(Duration.ofMillis(500), cascade.reconcileInterval());
        assertEquals(Optional.of(new PullSource.InCluster("cam-1")), cascade.pullSource("live-1"));
        assertEquals(Optional.of(new PullSource.External("https://other.example/whep/abc", "remote-token")),
                cascade.pullSource("ext-abc"));
        assertEquals(Optional.of(new PullSource.InCluster("fallback")), cascade.pullSource("ext-ABC"),
                "the regex must match the whole name; the next rule then applies");
        assertFalse(cascade.pull().get(1).toString().contains("remote-token"));
    }

    @Test
    void aRuleGivingAnInvalidStreamNameIsSkipped() {
        CascadeConfig cascade = loader.parse("""
                [[cascade.pull]]
                match = "(.*)-x"
                source = "$1/y"
                """).cascade();
        assertEquals(Optional.empty(), cascade.pullSource("a-x"), "stream names cannot contain '/'");
    }

    @Test
    void errorsNameTheKey() {
        assertEquals("key 'cascade.mode': must be \"pull\" or \"push\"", error("[cascade]\nmode = \"both\""));
        assertEquals("key 'cascade.idle_timeout': expected a number of seconds", error("[cascade]\nidle_timeout = \"60\""));
        assertEquals("unknown key 'cascade.bogus'", error("[cascade]\nbogus = 1"));
        assertEquals("key 'cascade.pull[0].match': not a valid regular expression (Unclosed group near index 6)",
                error("[[cascade.pull]]\nmatch = \"live-(\"\nsource = \"x\""));
        assertEquals("key 'cascade.pull[1].source': refers to group $2 but match has 1 group(s)",
                error("[[cascade.pull]]\nmatch = \"a\"\nsource = \"b\"\n[[cascade.pull]]\nmatch = \"l-(.*)\"\nsource = \"$2\""));
        assertEquals("key 'cascade.pull[0].source': refers to group ${id} that match does not define",
                error("[[cascade.pull]]\nmatch = \"(.*)\"\nsource = \"${id}\""));
        assertEquals("key 'cascade.pull[0].match': is required (a regular expression)",
                error("[[cascade.pull]]\nsource = \"x\""));
        assertEquals("key 'cascade.pull[0].source': is required (a stream name or an http(s) WHEP URL, with $1 for groups)",
                error("[[cascade.pull]]\nmatch = \"x\""));
        assertEquals("key 'cascade.reconcile_interval': must be 0 (off) or at least 0.1 second",
                error("[cascade]\nreconcile_interval = 0.01"));
    }
    @Test
    void theShippedExampleRulesAreValid() throws Exception {
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("../config/control-plane.toml"));
        String uncommented = shipped.lines().map(line -> line.matches("# (\\[\\[cascade\\.pull]]|match =|source =|token =).*")
                ? line.substring(2) : line).collect(java.util.stream.Collectors.joining("\n"));
        CascadeConfig cascade = loader.parse(uncommented).cascade();
        assertEquals(2, cascade.pull().size());
        assertEquals(Optional.of(new PullSource.InCluster("cam")), cascade.pullSource("hd-cam"));
        assertEquals(Optional.of(new PullSource.External("https://other-cluster.example.net/whep/cam", "their-token")),
                cascade.pullSource("remote-cam"));
        assertEquals(CascadeConfig.defaults().idleTimeout(), cascade.idleTimeout());
    }
}

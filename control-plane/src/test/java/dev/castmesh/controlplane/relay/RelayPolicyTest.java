package dev.castmesh.controlplane.relay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayPolicyTest {
    private final RelayPolicy policy = new RelayPolicy(new RelayConfig(List.of("/api/", "/metrics"), List.of("/api/admin/", "/API/Secret")));

    private boolean allows(String raw) {
        return policy.allows(RelayPath.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/streams", "/api/streams/cam", "/API/STREAMS", "/api", "/metrics", "/api/administrator",
            "/api/admin2/x", "/api/secre"})
    void allowed(String raw) {
        assertTrue(allows(raw), raw);
    }

    /** Every trick that must not get past the deny list (or outside the allow list); prefixes are plain prefixes. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/", "/api/admin", "/api/admin/x", "/API/ADMIN/x", "/Api/Admin", "/api//admin/x",
            "//api/admin", "/api/./admin/x", "/api/x/../admin/x", "/api/streams/..%2Fadmin%2Fx", "/api%2Fadmin%2Fx",
            "/api%2fADMIN", "/api/%61dmin/x", "/api/%2E/admin", "/api\\admin\\x", "/api/admin%2F", "/api/secret",
            "/api/SECRET/x", "/api/secretary", "/health", "/", "/whip/cam", "/apix", "/metrics2/..", "/%2E%2E/api"})
    void denied(String raw) {
        boolean allowed;
        try {
            allowed = allows(raw);
        } catch (IllegalArgumentException refusedOutright) {
            allowed = false;
        }
        assertFalse(allowed, raw);
    }

    @Test
    void denyWinsOverAllow() {
        RelayPolicy both = new RelayPolicy(new RelayConfig(List.of("/api/admin/"), List.of("/api/admin/")));
        assertFalse(both.allows(RelayPath.normalize("/api/admin/x")));
    }

    @Test
    void emptyAllowRelaysNothingAndDefaultsAllowApi() {
        assertFalse(new RelayPolicy(new RelayConfig(List.of(), List.of())).allows(RelayPath.normalize("/api/streams")));
        RelayPolicy defaults = new RelayPolicy(RelayConfig.defaults());
        assertTrue(defaults.allows(RelayPath.normalize("/api/streams")));
        assertFalse(defaults.allows(RelayPath.normalize("/metrics")));
    }

    @Test
    void configRefusesPrefixesThatCouldNeverMatch() {
        assertEquals("deny: entry 0 must be a plain decoded path (no %, //, \\, . or .. segments)",
                assertThrows(IllegalArgumentException.class, () -> new RelayConfig(null, List.of("/api%2Fadmin"))).getMessage());
        assertEquals("allow: entry 1 must be a path prefix starting with '/'",
                assertThrows(IllegalArgumentException.class, () -> new RelayConfig(List.of("/api/", "api"), null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelayConfig(null, List.of("/api/../admin")));
        assertThrows(IllegalArgumentException.class, () -> new RelayConfig(null, List.of("/api//admin")));
    }
}

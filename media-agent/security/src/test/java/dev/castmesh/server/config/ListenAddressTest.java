package dev.castmesh.server.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListenAddressTest {
    @Test
    void splitsAtTheLastColon() {
        assertEquals("::1", ListenAddress.host("::1:7777"));
        assertEquals(7777, ListenAddress.port("::1:7777"));
        assertEquals(0, ListenAddress.port("127.0.0.1:0"));
    }

    @Test
    void mistakesAreWordedForTheListenKey() {
        assertEquals("listen: must be host:port, got 'nowhere'",
                assertThrows(ConfigException.class, () -> ListenAddress.port("nowhere")).getMessage());
        assertEquals("listen: invalid port in 'host:65536'",
                assertThrows(ConfigException.class, () -> ListenAddress.port("host:65536")).getMessage());
        assertEquals("listen: invalid port in 'host:x'",
                assertThrows(ConfigException.class, () -> ListenAddress.port("host:x")).getMessage());
    }
}

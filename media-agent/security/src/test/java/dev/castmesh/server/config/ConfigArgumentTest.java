package dev.castmesh.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigArgumentTest {
    @Test
    void takesBothForms() {
        assertEquals(Path.of("a.toml"), ConfigArgument.of(new String[] {"--config", "a.toml"}));
        assertEquals(Path.of("b.toml"), ConfigArgument.of(new String[] {"-v", "--config=b.toml"}));
        assertNull(ConfigArgument.of(new String[0]));
    }

    @Test
    void aMissingFileNameIsAConfigError() {
        assertEquals("--config needs a file name",
                assertThrows(ConfigException.class, () -> ConfigArgument.of(new String[] {"--config"})).getMessage());
    }
}

package dev.castmesh.agent.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPropertiesTest {
    private static BenchProperties of(Map<String, String> values) {
        return new BenchProperties(values::get);
    }

    @Test
    void absentOrBlankPropertiesGiveTheDefaults() {
        BenchProperties none = of(Map.of("castmesh.loss.seconds", " "));
        assertFalse(none.benchMode());
        assertEquals(20, none.integer("castmesh.loss.seconds", 20, 1, 600));
        assertEquals(List.of(0, 3, 10), none.integers("castmesh.loss.percents", List.of(0, 3, 10), 0, 100));
    }

    @Test
    void setPropertiesAreParsedInTheirOrder() {
        BenchProperties set = of(Map.of("castmesh.bench", "true", "castmesh.loss.seconds", "30",
                "castmesh.loss.percents", "0, 1,3,5,10"));
        assertTrue(set.benchMode());
        assertEquals(30, set.integer("castmesh.loss.seconds", 20, 1, 600));
        assertEquals(List.of(0, 1, 3, 5, 10), set.integers("castmesh.loss.percents", List.of(0), 0, 100));
    }

    @Test
    void badValuesNameTheProperty() {
        assertMessage("castmesh.bench must be true or false, got 'yes'", () -> of(Map.of("castmesh.bench", "yes")).benchMode());
        assertMessage("castmesh.loss.seconds must be an integer from 1 to 600, got '0'",
                () -> of(Map.of("castmesh.loss.seconds", "0")).integer("castmesh.loss.seconds", 20, 1, 600));
        assertMessage("castmesh.loss.percents must be an integer from 0 to 100, got 'x'",
                () -> of(Map.of("castmesh.loss.percents", "0,x")).integers("castmesh.loss.percents", List.of(), 0, 100));
        assertMessage("castmesh.loss.percents lists 3 twice: '3,3'",
                () -> of(Map.of("castmesh.loss.percents", "3,3")).integers("castmesh.loss.percents", List.of(), 0, 100));
    }

    private static void assertMessage(String message, Runnable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}

package dev.castmesh.server.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiRoutesTest {
    @Test
    void cellsNameMethodsBeforeTheirPath() {
        assertEquals(List.of("GET /api/nodes", "POST /api/nodes"), ApiRoutes.cell("`GET`, `POST /api/nodes`"));
        assertEquals(List.of("GET /api/streams", "GET /api/streams/{}", "DELETE /api/streams/{}"),
                ApiRoutes.cell("`GET /api/streams`, `GET`/`DELETE /api/streams/{stream}`"));
        assertEquals(List.of("GET /api/streams"), ApiRoutes.cell("`GET /api/streams[?nodes=alias&nodes=…]` (also `/api/streams/`)"));
        assertEquals(List.of("POST /whip/{}"), ApiRoutes.cell("`POST /whip/{stream}[?cascadeFrom={alias}[&idleTimeout={s}]]`"));
        assertEquals(List.of("GET /api/playback/{}"), ApiRoutes.cell("`GET /api/playback/{stream}?from=&to=`"));
        assertEquals(List.of("GET /api/record/object/{}"), ApiRoutes.cell("`GET`, `HEAD /api/record/object/{path…}`"));
        assertEquals(5, ApiRoutes.cell("`ANY /api/relay/{alias}/{path…}`").size());
    }

    @Test
    void aCellThatIsNotARouteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ApiRoutes.cell("`GET`, `POST`"));
        assertThrows(IllegalArgumentException.class, () -> ApiRoutes.cell("`listen = 1`"));
    }

    @Test
    void theTableUnderTheHeadingIsRead(@TempDir Path dir) throws IOException {
        Path readme = Files.writeString(dir.resolve("README.md"), String.join("\n",
                "## Config", "### Agent", "| `PUT /not/this` | x |", "", "## HTTP API", "intro", "### Agent", "",
                "| method and path | right |", "|---|---|", "| `POST /whip/{stream}` | publish |",
                "| `GET /health` | public \\| open |", "", "| `GET /after/the/table` | x |", ""));
        assertEquals(Set.of("POST /whip/{}", "GET /health"), ApiRoutes.readme(readme, "Agent"));
        assertThrows(IllegalArgumentException.class, () -> ApiRoutes.readme(readme, "Nope"));
    }

    @Test
    void documentsListTheirOperations() {
        String yaml = "openapi: 3.0.1\npaths:\n  /api/streams/{stream}:\n    get: {}\n    delete: {}\n    parameters: []\n"
                + "  /openapi.yml:\n    get: {}\n";
        assertEquals(Set.of("DELETE /api/streams/{}", "GET /api/streams/{}", "GET /openapi.yml"), ApiRoutes.openApi(yaml));
        assertThrows(IllegalArgumentException.class, () -> ApiRoutes.openApi("openapi: 3.0.1\n"));
    }
}

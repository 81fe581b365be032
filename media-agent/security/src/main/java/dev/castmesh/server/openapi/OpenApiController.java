package dev.castmesh.server.openapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml} (public): the OpenAPI 3 document micronaut-openapi wrote at compile time into
 * {@code META-INF/swagger/{application name}.yml} of the server's own jar (each server names its file after its
 * {@code micronaut.application.name}, so a classpath holding both servers still serves the right one). Read once at
 * first use (a build without the document fails that
 * request with 500 and a message naming the missing file).
 */
@Controller
public final class OpenApiController {
    /** Where micronaut-openapi puts the document of the application named {@code name}. */
    public static String resource(String name) {
        return "META-INF/swagger/" + name + ".yml";
    }

    private final byte[] document;

    OpenApiController(@Value("${micronaut.application.name}") String name) {
        this.document = read(resource(name));
    }

    /** The server's OpenAPI document, YAML. */
    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document);
    }

    private static byte[] read(String resource) {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

package dev.castmesh.controlplane.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

/**
 * Test only, on when {@link TestServer#FIXTURES} is set: controllers shaped like routes that other
 * branches will add, so the real security filter is exercised in front of real dispatch. When the real
 * controller for one of these lands, delete the fixture method. {@code PUT /api/fixture/unlisted} has no row
 * in the rights table on purpose: it shows that such a route stays closed until its row is added.
 */
@Controller
@Requires(property = TestServer.FIXTURES, value = "true")
final class RouteShapeFixtures {

    @Post(uri = "/whip/{stream}", consumes = "application/sdp", produces = "application/sdp")
    HttpResponse<String> whip(@PathVariable String stream) {
        return HttpResponse.created("v=0 fixture answer for " + stream + "\r\n");
    }

    @Get("/api/streams/{stream}")
    HttpResponse<String> stream(@PathVariable String stream) {
        return HttpResponse.ok("{\"stream\":\"" + stream + "\"}");
    }

    @Put("/api/fixture/unlisted")
    HttpResponse<Void> unlisted() {
        return HttpResponse.noContent();
    }
}

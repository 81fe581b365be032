package dev.castmesh.controlplane.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;

/**
 * Test only, on when {@link TestServer#FIXTURES} is set: controllers shaped like routes that other
 * branches will add, so the real security filter is exercised in front of real dispatch. When the real
 * controller for one of these lands, delete the fixture method (done for {@code POST /whip/{stream}} and
 * {@code GET /api/streams/{stream}}: the tests now reach the cluster's real controllers). {@code PUT /api/fixture/unlisted} has no row
 * in the rights table on purpose: it shows that such a route stays closed until its row is added.
 */
@Controller
@Requires(property = TestServer.FIXTURES, value = "true")
final class RouteShapeFixtures {

    @Put("/api/fixture/unlisted")
    HttpResponse<Void> unlisted() {
        return HttpResponse.noContent();
    }
}

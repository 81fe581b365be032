package dev.castmesh.controlplane.auth;

import dev.castmesh.api.auth.AccessPolicy;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Test only, on when {@link TestServer#PROBE} is set: runs right after the security filter and answers
 * 200 {@code X-Auth-Probe: passed} for every request that matches a rights-table row, so the matrix test
 * sees exactly what security let through, whatever controller (real, or none yet) serves the route.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = TestServer.PROBE, value = "true")
final class AuthProbeFilter implements HttpServerFilter {
    static final String HEADER = "X-Auth-Probe";
    /** Request header that lets a request through to the real controller (to log in during set-up). */
    static final String BYPASS = "X-Auth-Probe-Bypass";

    private final AccessPolicy policy;

    AuthProbeFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!request.getHeaders().contains(BYPASS) && policy.match(request.getMethodName(), request.getUri().getRawPath()).isPresent()) {
            return Publishers.just(HttpResponse.ok("passed").header(HEADER, "passed"));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}

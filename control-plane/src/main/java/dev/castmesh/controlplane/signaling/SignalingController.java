package dev.castmesh.controlplane.signaling;

import dev.castmesh.api.StreamName;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.api.http.SdpBodies;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.ClientAddress;
import dev.castmesh.controlplane.node.ClusterConfig;
import dev.castmesh.controlplane.placement.Preference;
import dev.castmesh.security.Grants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /whip/{stream}}, {@code POST /whep/{stream}} ({@code ?region=} preference, {@code ?nodes=alias} to force a
 * node; Liveman's {@code POST /api/whip/{alias}/{stream}} and {@code /api/whep/{alias}/{stream}} are the same with the node
 * in the path) and {@code PATCH}/{@code POST}/{@code DELETE /session/{stream}/{session}} through the control plane; see
 * {@link SignalingProxy}. The client's token was checked by the rights table; the agent gets its own token, or for a
 * session's PATCH/POST/DELETE one with the client's rights on the stream.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SignalingController {
    private static final String SDP_FRAG = "application/trickle-ice-sdpfrag";

    private final SignalingProxy proxy;
    private final ClusterConfig cluster;
    private final AccessPolicy accessPolicy;

    SignalingController(SignalingProxy proxy, ClusterConfig cluster, AccessPolicy accessPolicy) {
        this.proxy = proxy;
        this.accessPolicy = accessPolicy;
        this.cluster = cluster;
    }

    @Post(uri = "/whip/{stream}", consumes = SignalingProxy.SDP, produces = {SignalingProxy.SDP, "application/json"})
    HttpResponse<?> whip(@PathVariable String stream, @QueryValue @Nullable String region, @QueryValue @Nullable String nodes,
                         @Body @Nullable String offer, HttpRequest<?> request) {
        return proxy.offer(SignalingProxy.Kind.WHIP, stream(stream), ClientAddress.of(request), offer(offer),
                preference(region, nodes));
    }

    @Post(uri = "/whep/{stream}", consumes = SignalingProxy.SDP, produces = {SignalingProxy.SDP, "application/json"})
    HttpResponse<?> whep(@PathVariable String stream, @QueryValue @Nullable String region, @QueryValue @Nullable String nodes,
                         @Body @Nullable String offer, HttpRequest<?> request) {
        return proxy.offer(SignalingProxy.Kind.WHEP, stream(stream), ClientAddress.of(request), offer(offer),
                preference(region, nodes));
    }

    /** Liveman's pinned WHIP: {@code POST /whip/{stream}?nodes={alias}}. */
    @Post(uri = "/api/whip/{alias}/{stream}", consumes = SignalingProxy.SDP, produces = {SignalingProxy.SDP, "application/json"})
    HttpResponse<?> pinnedWhip(@PathVariable String alias, @PathVariable String stream, @Body @Nullable String offer,
                               HttpRequest<?> request) {
        return proxy.offer(SignalingProxy.Kind.WHIP, stream(stream), ClientAddress.of(request), offer(offer),
                preference(null, alias));
    }

    /** Liveman's pinned WHEP: {@code POST /whep/{stream}?nodes={alias}}. */
    @Post(uri = "/api/whep/{alias}/{stream}", consumes = SignalingProxy.SDP, produces = {SignalingProxy.SDP, "application/json"})
    HttpResponse<?> pinnedWhep(@PathVariable String alias, @PathVariable String stream, @Body @Nullable String offer,
                               HttpRequest<?> request) {
        return proxy.offer(SignalingProxy.Kind.WHEP, stream(stream), ClientAddress.of(request), offer(offer),
                preference(null, alias));
    }

    @Patch(uri = "/session/{stream}/{session}", consumes = SDP_FRAG)
    HttpResponse<?> patch(@PathVariable String stream, @PathVariable String session,
                          @Header("If-Match") @Nullable String ifMatch, @Body @Nullable String fragment,
                          @Nullable Authentication authentication) {
        if (fragment != null && fragment.length() > SdpBodies.MAX_BYTES) {
            throw SignalingException.sdpTooLarge("fragment");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", SDP_FRAG);
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return proxy.session("PATCH", stream(stream), session, headers,
                fragment == null ? new byte[0] : fragment.getBytes(StandardCharsets.UTF_8), caller(authentication));
    }

    /** Liveman's track switch {@code {"kind", "enabled"}}: forwarded as JSON; the agent checks the body. */
    @Post(uri = "/session/{stream}/{session}", consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<?> switchTrack(@PathVariable String stream, @PathVariable String session, @Body @Nullable String body,
                                @Nullable Authentication authentication) {
        return proxy.session("POST", stream(stream), session, Map.of("Content-Type", MediaType.APPLICATION_JSON),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), caller(authentication));
    }

    @Delete(uri = "/session/{stream}/{session}")
    HttpResponse<?> delete(@PathVariable String stream, @PathVariable String session,
                           @Nullable Authentication authentication) {
        return proxy.session("DELETE", stream(stream), session, Map.of(), null, caller(authentication));
    }

    /** The caller's grant (the node checks it against the session's role), or null when the control plane is open. */
    private Grant caller(Authentication authentication) {
        return accessPolicy.isOpen() ? null : Grants.of(authentication);
    }

    private static String stream(String stream) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        return stream;
    }

    private static String offer(String offer) {
        if (offer == null || offer.isBlank()) {
            throw new BadRequestException("the body is empty; send an application/sdp offer");
        }
        if (offer.length() > SdpBodies.MAX_BYTES) {
            throw SignalingException.sdpTooLarge("offer");
        }
        return offer;
    }

    private Preference preference(String region, String nodes) {
        if (nodes != null && !nodes.isEmpty()) {
            BadRequestException.check("nodes: ", () -> NodeAlias.validate(nodes));
        }
        return new Preference(region == null || region.isBlank() ? cluster.region() : region.trim(), nodes);
    }
}

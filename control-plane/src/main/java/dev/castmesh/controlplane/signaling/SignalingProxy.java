package dev.castmesh.controlplane.signaling;

import dev.castmesh.controlplane.http.PassedStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.ice.IceLinkHeaders;
import dev.castmesh.api.ice.IceServer;
import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.ice.IceServers;
import dev.castmesh.controlplane.node.NodeNotFoundException;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.controlplane.auth.LegTokens;
import dev.castmesh.controlplane.node.NodeRegistry;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.placement.Placement;
import dev.castmesh.controlplane.placement.PlacementPolicy;
import dev.castmesh.controlplane.placement.Preference;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WHIP/WHEP through the control plane: take a registry snapshot, ask {@link PlacementPolicy}, call the chosen
 * agent with its token, and answer the client as if we were the agent: 201, the SDP answer, {@code Location}
 * rewritten to {@code /session/{stream}/{alias}.{agent session}} ({@link SessionId}), the agent's {@code ETag},
 * and {@code Link} ice servers merged by {@link IceServers}. Agent errors come back with their status and code
 * ({@link AgentErrors}).
 */
@Singleton
public class SignalingProxy {
    public static final String SDP = "application/sdp";
    private static final Logger LOG = LoggerFactory.getLogger(SignalingProxy.class);

    public enum Kind { WHIP, WHEP }

    private final NodeRegistry registry;
    private final PlacementPolicy policy = new PlacementPolicy();
    private final AgentClient agents;
    private final IceServers ice;
    private final CascadeStarter cascades;
    private final ObjectMapper mapper;
    private final LegTokens tokens;

    SignalingProxy(NodeRegistry registry, AgentClient agents, IceServers ice, CascadeStarter cascades, ObjectMapper mapper,
                   LegTokens tokens) {
        this.registry = registry;
        this.tokens = tokens;
        this.agents = agents;
        this.ice = ice;
        this.cascades = cascades;
        this.mapper = mapper;
    }

    /** @param client the client's address, told to the agent for its per-client budgets ({@link AgentPaths#FORWARDED_FOR}) */
    public HttpResponse<?> offer(Kind kind, String stream, String client, String offer, Preference preference) {
        List<NodeState> nodes = registry.all();
        Placement placement = kind == Kind.WHIP ? policy.whip(stream, nodes, preference) : policy.whep(stream, nodes, preference);
        NodeState node;
        if (placement instanceof Placement.OnNode on) {
            node = on.node();
        } else if (placement instanceof Placement.CascadeNeeded cascade) {
            node = cascades.start(cascade);
        } else {
            Placement.Refused refused = (Placement.Refused) placement;
            if (refused.reason() != Placement.Reason.STREAM_NOT_FOUND) {
                throw refusal(refused);
            }
            node = cascades.onDemand(stream, nodes, preference).orElseThrow(() -> refusal(refused));
        }
        String path = kind == Kind.WHIP ? AgentPaths.whip(stream) : AgentPaths.whep(stream);
        AgentResponse answer = agents.send(node, "POST", path, Map.of("Content-Type", SDP, "Accept", SDP + ", application/json",
                AgentPaths.FORWARDED_FOR, client), offer.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 201) {
            return error(node.alias(), answer);
        }
        String agentSession = agentSessionId(node.alias(), answer.header("Location").orElse(null));
        String id = new SessionId(node.alias(), agentSession).encode();
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/session/" + AgentPaths.segment(stream) + "/" + id)
                .contentType(SDP)
                .body(answer.text());
        answer.header("ETag").ifPresent(etag -> response.header(HttpHeaders.ETAG, etag));
        List<IceServer> upstream = IceLinkHeaders.parse(answer.headers("Link"));
        for (String link : IceLinkHeaders.format(ice.forAnswer(upstream))) {
            response.getHeaders().add("Link", link);
        }
        LOG.atInfo().addKeyValue("kind", kind).addKeyValue("stream", stream).addKeyValue("node", node.alias())
                .addKeyValue("session", id).log("session placed");
        return response;
    }

    /**
     * PATCH or DELETE of a session: to the node named by the session id, with the agent's answer passed through. With a
     * {@code caller} (the rights table's grant; null when open) that lacks the publish right, the node gets a token with
     * the caller's rights on the stream instead of its own, and refuses it the publisher's session (403, passed on).
     */
    public HttpResponse<?> session(String method, String stream, String sessionId, Map<String, String> headers, byte[] body,
                                   Grant caller) {
        SessionId id = SessionId.decode(sessionId).orElseThrow(() -> SignalingException.sessionNotFound(
                "no session '" + sessionId + "' on stream '" + stream + "'"));
        NodeState node = registry.find(id.alias()).orElseThrow(() -> SignalingException.sessionNotFound(
                "no session '" + sessionId + "' on stream '" + stream + "' (its node '" + id.alias() + "' is not registered)"));
        Map<String, String> forwarded = new LinkedHashMap<>(headers);
        forwarded.put("Accept", "application/trickle-ice-sdpfrag, application/json");
        if (caller != null && !caller.hasAny(AccessMode.PUBLISH.bit())) {
            // Without publish the caller may touch viewer sessions only; the node knows which one this is.
            tokens.onBehalf(node, stream, caller)
                    .ifPresent(token -> forwarded.put(AgentClient.AUTHORIZATION, "Bearer " + token));
        }
        AgentResponse answer = agents.send(node, method, AgentPaths.session(stream, id.agentSessionId()), forwarded, body);
        if (answer.status() == HttpStatus.FORBIDDEN.getCode() && forwarded.containsKey(AgentClient.AUTHORIZATION)) {
            // The caller's own rights were refused (a viewer's token on the publisher's session), not our token.
            return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(AgentErrors.passedOn(node.alias(), answer, mapper));
        }
        if (!answer.ok()) {
            return error(node.alias(), answer);
        }
        MutableHttpResponse<byte[]> response = PassedStatus.of(answer.status());
        answer.header("ETag").ifPresent(etag -> response.header(HttpHeaders.ETAG, etag));
        if (answer.body().length > 0) {
            answer.header("Content-Type").ifPresent(response::contentType);
            response.body(answer.body());
        }
        return response;
    }

    public static RuntimeException refusal(Placement.Refused refused) {
        return switch (refused.reason()) {
            case ALREADY_PUBLISHED -> SignalingException.alreadyPublished(refused.message());
            case ALREADY_EXISTS -> SignalingException.alreadyExists(refused.message());
            case STREAM_NOT_FOUND -> SignalingException.streamNotFound(refused.message());
            case NODE_NOT_FOUND -> new NodeNotFoundException(refused.message().replaceFirst("^no node '(.*)'$", "$1"));
            case NO_NODE_AVAILABLE -> SignalingException.noNodeAvailable(refused.message());
        };
    }

    HttpResponse<ApiError> error(String alias, AgentResponse answer) {
        if (answer.ok()) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError("bad_gateway", "media node '" + alias + "' answered " + answer.status() + " instead of 201"));
        }
        return PassedStatus.<ApiError>of(AgentErrors.status(answer))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(AgentErrors.body(alias, answer, mapper));
    }

    /** The agent's session id: the last segment of its {@code Location: /session/{stream}/{id}} (relative or absolute). */
    static String agentSessionId(String alias, String location) {
        if (location != null) {
            try {
                String path = URI.create(location.trim()).getRawPath();
                if (path != null && path.startsWith("/session/")) {
                    String id = path.substring(path.lastIndexOf('/') + 1);
                    new SessionId(alias, id);
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // below
            }
        }
        throw SignalingException.badGateway("media node '" + alias + "' answered without a usable Location header");
    }
}

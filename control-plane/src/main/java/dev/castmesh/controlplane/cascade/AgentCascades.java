package dev.castmesh.controlplane.cascade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.cluster.AgentPaths;
import dev.castmesh.api.cluster.CascadeRequest;
import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.auth.LegTokens;
import dev.castmesh.controlplane.node.NodeState;
import dev.castmesh.controlplane.signaling.AgentClient;
import dev.castmesh.controlplane.signaling.AgentErrors;
import dev.castmesh.controlplane.signaling.AgentResponse;
import dev.castmesh.controlplane.signaling.AgentUnreachableException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control plane's side of the agent's {@code POST /api/cascade/{stream}} ({@link CascadeRequest}), called with
 * the agent's own token. The token in the request, for the other end of the leg, is never a node's own token: it is
 * a {@link LegTokens} JWT for exactly that stream and right on that node (subscribe for a pull from the source,
 * publish for a push to the target), or none when that node reported no key. 201 (new copy or push) and 200 (re-attach of an existing copy) are success; 409 means the
 * agent already has the stream, which callers treat as their own choice. Failures become {@link CascadeException}s
 * for the client: the agent's 503 → 503 {@code cascade_unavailable}, its 504 or our {@code agent_timeout} → 504
 * {@code cascade_timeout}, anything else (refused token, 404, 5xx, no answer) → 502 {@code cascade_failed} with the
 * agent's own code and message.
 */
@Singleton
public class AgentCascades {
    /** {@code sourceNode} of a pull from outside the cluster (a pull rule's URL): not a node's alias. */
    public static final String EXTERNAL_SOURCE = "_external";

    private final AgentClient agents;
    private final ObjectMapper mapper;
    private final CascadeConfig config;
    private final LegTokens tokens;

    AgentCascades(AgentClient agents, ObjectMapper mapper, CascadeConfig config, LegTokens tokens) {
        this.agents = agents;
        this.tokens = tokens;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * {@code target} plays {@code sourceStream} from {@code source} and serves it as {@code stream}.
     *
     * @return the agent's status: 201, 200 (re-attached) or 409 (it already has the stream)
     */
    public int pull(NodeState target, String stream, NodeState source, String sourceStream) {
        String url = source.publicUrl() + AgentPaths.whep(sourceStream) + "?cascadeTo=" + AgentPaths.segment(target.alias());
        return call(target, stream, CascadeRequest.pull(url, tokens.subscribe(source, sourceStream, target.alias()).orElse(null), source.alias(),
                config.idleTimeoutSeconds()),
                "pull stream '" + sourceStream + "' from node '" + source.alias() + "'");
    }

    /** {@code target} plays an external WHEP URL as {@code stream}. */
    public int pullExternal(NodeState target, String stream, PullSource.External source) {
        return call(target, stream, CascadeRequest.pull(source.url(), source.token(), EXTERNAL_SOURCE,
                config.idleTimeoutSeconds()), "pull stream '" + stream + "' from its external source");
    }

    /** {@code source} publishes its {@code stream} to {@code target}, which marks it as a copy from {@code source}. */
    public int push(NodeState source, String stream, NodeState target) {
        return push(source, stream, target, 0);
    }

    /**
     * As {@link #push(NodeState, String, NodeState)}; the target ends the copy after {@code idleTimeoutSeconds} without
     * viewers ({@code &idleTimeout=} on its WHIP URL), 0 = never (autopush, operator pushes).
     */
    public int push(NodeState source, String stream, NodeState target, int idleTimeoutSeconds) {
        String url = target.publicUrl() + AgentPaths.whip(stream) + "?cascadeFrom=" + AgentPaths.segment(source.alias())
                + (idleTimeoutSeconds > 0 ? "&idleTimeout=" + idleTimeoutSeconds : "");
        return call(source, stream, CascadeRequest.push(url, tokens.publish(target, stream).orElse(null)),
                "push stream '" + stream + "' to node '" + target.alias() + "'");
    }

    private static void putIfSet(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private int call(NodeState node, String stream, CascadeRequest request, String what) {
        // The record's fields only, nulls left out (the mapper would add the isPull() getter as "pull").
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "sourceUrl", request.sourceUrl());
        putIfSet(fields, "targetUrl", request.targetUrl());
        putIfSet(fields, "token", request.token());
        putIfSet(fields, "sourceNode", request.sourceNode());
        putIfSet(fields, "idleTimeout", request.idleTimeout());
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cascade request", e);
        }
        String failed = "media node '" + node.alias() + "' could not " + what;
        AgentResponse answer;
        try {
            answer = agents.send(node, "POST", AgentPaths.cascade(stream),
                    Map.of("Content-Type", "application/json", "Accept", "application/json"), body);
        } catch (AgentUnreachableException e) {
            if (e.timedOut()) {
                throw CascadeException.timeout(failed + ": no answer in time");
            }
            throw CascadeException.failed(failed + ": " + e.getMessage());
        }
        int status = answer.status();
        if (status == 200 || status == 201 || status == 409) {
            return status;
        }
        ApiError error = AgentErrors.body(node.alias(), answer, mapper);
        String message = failed + " (" + status + " " + error.error() + ": " + error.message() + ")";
        if (status == 503) {
            throw CascadeException.unavailable(message);
        }
        if (status == 504) {
            throw CascadeException.timeout(message);
        }
        throw CascadeException.failed(message);
    }
}

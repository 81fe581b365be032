package dev.castmesh.controlplane.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.http.ApiError;

/**
 * An agent's error answer as ours: the same status and its {@code {"error","message"}} when it sent one (the
 * agents speak the same error model), else the status with a generic message. Two exceptions: the agent refusing
 * the control plane's token (401/403) is our misconfiguration, not the client's: 502 {@code agent_rejected_token};
 * and a status that is not an error (3xx) is a 502 {@code bad_gateway}. Pure.
 */
public final class AgentErrors {
    private AgentErrors() {
    }

    /** @return the status to answer */
    public static int status(AgentResponse response) {
        int status = response.status();
        return status == 401 || status == 403 || status < 400 || status > 599 ? 502 : status;
    }

    public static ApiError body(String alias, AgentResponse response, ObjectMapper mapper) {
        int status = response.status();
        if (status == 401 || status == 403) {
            return new ApiError("agent_rejected_token", "media node '" + alias + "' refused the control plane's token ("
                    + status + "); check the token the agent sends in its heartbeat");
        }
        if (status < 400 || status > 599) {
            return new ApiError("bad_gateway", "media node '" + alias + "' answered an unexpected status " + status);
        }
        return passedOn(alias, response, mapper);
    }

    /**
     * The agent's own {@code {"error","message"}} (cleaned), else a generic one for its status: also for a 403 to a token
     * that carried the caller's rights ({@link dev.castmesh.controlplane.auth.LegTokens#onBehalf}), which is the
     * caller's refusal, not ours.
     */
    public static ApiError passedOn(String alias, AgentResponse response, ObjectMapper mapper) {
        int status = response.status();
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json != null && json.path("error").isTextual() && json.path("message").isTextual()) {
                return new ApiError(json.get("error").asText(), ApiError.clean(json.get("message").asText(), ApiError.codeFor(status)));
            }
        } catch (java.io.IOException notJson) {
            // fall through
        }
        return new ApiError(ApiError.codeFor(status), "media node '" + alias + "' answered " + status);
    }
}

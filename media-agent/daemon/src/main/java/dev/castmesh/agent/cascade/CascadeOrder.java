package dev.castmesh.agent.cascade;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.cluster.CascadeRequest;
import dev.castmesh.api.cluster.NodeAlias;

import java.net.URI;
import java.time.Duration;

/**
 * A validated {@code POST /api/cascade/{stream}} body (see {@link CascadeRequest}). Pure: every mistake is a 400
 * that names the field.
 *
 * @param url         the remote WHEP (pull) or WHIP (push) endpoint
 * @param token       bearer token for it, may be null
 * @param node        pull: what the copy reports as its {@code cascadeFrom} (the source's alias, else its host:port)
 * @param idleTimeout pull: a copy without viewers this long ends; zero = never
 */
record CascadeOrder(boolean pull, URI url, String token, String node, Duration idleTimeout) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static CascadeOrder parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the body is empty; send {\"sourceUrl\": \".../whep/{stream}\"} to pull or "
                    + "{\"targetUrl\": \".../whip/{stream}\"} to push");
        }
        CascadeRequest request;
        try {
            request = JSON.readValue(body, CascadeRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'; the fields are sourceUrl, "
                    + "targetUrl, token, sourceNode, idleTimeout");
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not a valid cascade request (JSON object with sourceUrl or "
                    + "targetUrl)");
        }
        if (request == null || (request.sourceUrl() == null) == (request.targetUrl() == null)) {
            throw ApiException.badRequest("give exactly one of sourceUrl (pull) and targetUrl (push)");
        }
        boolean pull = request.isPull();
        URI url = url(pull ? request.sourceUrl() : request.targetUrl(), pull ? "sourceUrl" : "targetUrl");
        int idle = request.idleTimeoutOrDefault();
        if (idle < 0) {
            throw ApiException.badRequest("idleTimeout must be 0 (never) or more seconds, got " + idle);
        }
        String node = request.sourceNode();
        if (node != null && !NodeAlias.isValid(node)) {
            throw ApiException.badRequest("sourceNode must be a node alias (1 to " + NodeAlias.MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-')");
        }
        if (node == null) {
            node = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        }
        return new CascadeOrder(pull, url, request.token(), node, Duration.ofSeconds(idle));
    }

    /** The URL as shown in stream views: no user info, no query (tokens are never shown). */
    String shownUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static URI url(String text, String field) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw ApiException.badRequest(field + " must be an absolute http(s) URL, e.g. http://10.0.0.5:7777/"
                    + (field.equals("sourceUrl") ? "whep" : "whip") + "/{stream}");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "CascadeOrder[pull=" + pull + ", url=" + shownUrl() + ", token=" + (token == null ? "none" : "***")
                + ", node=" + node + ", idleTimeout=" + idleTimeout + "]";
    }
}

package dev.castmesh.agent.signaling;

import dev.castmesh.agent.config.AgentConfig;
import java.time.Duration;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import dev.castmesh.agent.http.ApiException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /whip/{stream}}: a publisher's offer → 201 with the answer; 409 if the stream is already published.
 * {@code ?cascadeFrom={alias}} marks the publish as a cascade copy pushed by that node (shown as such in stream views
 * and heartbeats). {@code &idleTimeout={seconds}} (1 to 86400, only with {@code cascadeFrom}) ends that copy after so
 * long without viewers, as a pulled copy's {@code idleTimeout} does: the control plane adds it to overflow pushes. It
 * needs no more than the publish right: it only shortens the publisher's own session.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class WhipController {
    private static final Logger LOG = LoggerFactory.getLogger(WhipController.class);

    private static final java.util.regex.Pattern CASCADE_FROM = java.util.regex.Pattern.compile("[A-Za-z0-9_.:\\[\\]-]{1,255}");

    private static final int MAX_IDLE_TIMEOUT = 86_400;

    private final MediaEngine engine;
    private final SessionRegistry sessions;
    private final AgentConfig config;
    private final PushedCopyWatch cascades;

    WhipController(MediaEngine engine, SessionRegistry sessions, AgentConfig config, PushedCopyWatch cascades) {
        this.engine = engine;
        this.sessions = sessions;
        this.config = config;
        this.cascades = cascades;
    }

    /**
     * {@code {stream:.+}} also matches names with '/', so that they get a 400 rather than a bare 404 (a regex rather
     * than {@code {+stream}}: micronaut-openapi 6.20 leaves reserved expansions out of the OpenAPI document).
     */
    @Post(uri = "/whip/{stream:.+}", consumes = SdpAnswers.SDP, produces = SdpAnswers.SDP)
    HttpResponse<String> publish(@PathVariable("stream") String stream, @QueryValue @Nullable String cascadeFrom,
                                 @QueryValue @Nullable String idleTimeout, @Body @Nullable String offer) {
        StreamNames.require(stream);
        if (cascadeFrom != null && !CASCADE_FROM.matcher(cascadeFrom).matches()) {
            throw ApiException.badRequest("cascadeFrom must be a node alias or host:port (1 to 255 characters of "
                    + "A-Z, a-z, 0-9, '_', '-', '.', ':', '[', ']')");
        }
        Duration idle = idleTimeout(idleTimeout, cascadeFrom);
        SessionAnswer answer = engine.publish(stream, SdpAnswers.requireOffer(offer), cascadeFrom);
        SessionRecord record = sessions.register(stream, answer.sessionId(), SessionRecord.Role.PUBLISHER, offer);
        if (idle != null) {
            cascades.watchPushedCopy(stream, answer.sessionId(), idle);
        }
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", answer.sessionId()).log("publisher answered");
        return SdpAnswers.created(record, answer.sdp(), config.iceServers());
    }

    private static Duration idleTimeout(String text, String cascadeFrom) {
        if (text == null) {
            return null;
        }
        if (cascadeFrom == null) {
            throw ApiException.badRequest("idleTimeout is only for a cascade copy (with cascadeFrom)");
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_IDLE_TIMEOUT) {
            throw ApiException.badRequest("idleTimeout must be 1 to " + MAX_IDLE_TIMEOUT + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }
}

package dev.castmesh.agent.signaling;

import dev.castmesh.agent.config.AgentConfig;
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
 * and heartbeats).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class WhipController {
    private static final Logger LOG = LoggerFactory.getLogger(WhipController.class);

    private static final java.util.regex.Pattern CASCADE_FROM = java.util.regex.Pattern.compile("[A-Za-z0-9_.:\\[\\]-]{1,255}");

    private final MediaEngine engine;
    private final SessionRegistry sessions;
    private final AgentConfig config;

    WhipController(MediaEngine engine, SessionRegistry sessions, AgentConfig config) {
        this.engine = engine;
        this.sessions = sessions;
        this.config = config;
    }

    /** {@code {+stream}} also matches names with '/', so that they get a 400 rather than a bare 404. */
    @Post(uri = "/whip/{+stream}", consumes = SdpAnswers.SDP, produces = SdpAnswers.SDP)
    HttpResponse<String> publish(@PathVariable("stream") String stream, @QueryValue @Nullable String cascadeFrom,
                                 @Body @Nullable String offer) {
        StreamNames.require(stream);
        if (cascadeFrom != null && !CASCADE_FROM.matcher(cascadeFrom).matches()) {
            throw ApiException.badRequest("cascadeFrom must be a node alias or host:port (1 to 255 characters of "
                    + "A-Z, a-z, 0-9, '_', '-', '.', ':', '[', ']')");
        }
        SessionAnswer answer = engine.publish(stream, SdpAnswers.requireOffer(offer), cascadeFrom);
        SessionRecord record = sessions.register(stream, answer.sessionId(), SessionRecord.Role.PUBLISHER, offer);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", answer.sessionId()).log("publisher answered");
        return SdpAnswers.created(record, answer.sdp(), config.iceServers());
    }
}

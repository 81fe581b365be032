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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /whep/{stream}}: a viewer's offer → 201 with the answer; 404 without a publisher, 503 when full. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class WhepController {
    private static final Logger LOG = LoggerFactory.getLogger(WhepController.class);

    private final MediaEngine engine;
    private final SessionRegistry sessions;
    private final ViewerAdmission admission;
    private final AgentConfig config;

    WhepController(MediaEngine engine, SessionRegistry sessions, ViewerAdmission admission, AgentConfig config) {
        this.engine = engine;
        this.sessions = sessions;
        this.admission = admission;
        this.config = config;
    }

    @Post(uri = "/whep/{+stream}", consumes = SdpAnswers.SDP, produces = SdpAnswers.SDP)
    HttpResponse<String> play(@PathVariable("stream") String stream, @Body @Nullable String offer) {
        StreamNames.require(stream);
        SdpAnswers.requireOffer(offer);
        SessionAnswer answer;
        try (ViewerAdmission.Seat seat = admission.reserve(stream)) {
            answer = engine.subscribe(stream, offer);
        }
        SessionRecord record = sessions.register(stream, answer.sessionId(), SessionRecord.Role.VIEWER, offer);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", answer.sessionId()).log("viewer answered");
        return SdpAnswers.created(record, answer.sdp(), config.iceServers());
    }
}

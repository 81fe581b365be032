package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.gst.hub.MediaEngine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHIP/WHEP session resource (RFC 9725 §4.3–4.4). {@code PATCH} trickles candidates into the session;
 * ICE restarts are refused with 422, as the RFC asks of a server that supports trickle but not restart.
 * {@code DELETE} ends the session; for a publisher that ends the whole stream.
 */
@Controller("/session/{stream}/{session}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    private final MediaEngine engine;
    private final SessionRegistry sessions;

    SessionController(MediaEngine engine, SessionRegistry sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    @Patch(consumes = SdpAnswers.SDP_FRAG)
    HttpResponse<?> trickle(@PathVariable String stream, @PathVariable String session,
                            @Header("If-Match") @Nullable String ifMatch, @Body @Nullable String fragment) {
        SessionRecord record = find(stream, session);
        if (fragment == null || fragment.isBlank()) {
            throw ApiException.badRequest("the body is empty; send an application/trickle-ice-sdpfrag fragment");
        }
        if ("*".equals(ifMatch == null ? null : ifMatch.trim())
                || record.remoteIce().restartedBy(IceCredentials.of(fragment))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ICE_RESTART_UNSUPPORTED,
                    "ICE restart is not supported; start a new session");
        }
        if (ifMatch != null && !ifMatch.trim().equals(record.etag())) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, ErrorCode.PRECONDITION_FAILED,
                    "If-Match does not match the session's ETag " + record.etag());
        }
        engine.addRemoteCandidates(stream, session, fragment);
        return HttpResponse.noContent();
    }

    @Delete
    HttpResponse<?> end(@PathVariable String stream, @PathVariable String session) {
        SessionRecord record = find(stream, session);
        engine.endSession(stream, session);
        sessions.remove(stream, session);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", session)
                .addKeyValue("role", record.role()).log("session ended by request");
        return HttpResponse.ok();
    }

    private SessionRecord find(String stream, String session) {
        StreamNames.require(stream);
        return sessions.find(stream, session).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                ErrorCode.SESSION_NOT_FOUND, "no session '" + session + "' on stream '" + stream + "'"));
    }
}

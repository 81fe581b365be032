package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.security.Grants;
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
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHIP/WHEP session resource (RFC 9725 §4.3–4.4). {@code PATCH} trickles candidates into the session;
 * ICE restarts are refused with 422, as the RFC asks of a server that supports trickle but not restart.
 * {@code DELETE} ends the session; for a publisher that ends the whole stream. The rights table lets publish or
 * subscribe on the stream in; a publisher's session needs the publish right itself (403 otherwise), so a viewer who
 * learns its id can neither end nor trickle into it.
 */
@Controller("/session/{stream}/{session}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    private final MediaEngine engine;
    private final SessionRegistry sessions;
    private final AccessPolicy policy;

    SessionController(MediaEngine engine, SessionRegistry sessions, AccessPolicy policy) {
        this.engine = engine;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Patch(consumes = SdpAnswers.SDP_FRAG)
    HttpResponse<?> trickle(@PathVariable String stream, @PathVariable String session,
                            @Header("If-Match") @Nullable String ifMatch, @Body @Nullable String fragment,
                            @Nullable Authentication authentication) {
        SessionRecord record = find(stream, session, authentication);
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
    HttpResponse<?> end(@PathVariable String stream, @PathVariable String session,
                        @Nullable Authentication authentication) {
        SessionRecord record = find(stream, session, authentication);
        engine.endSession(stream, session);
        sessions.remove(stream, session);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", session)
                .addKeyValue("role", record.role()).log("session ended by request");
        return HttpResponse.ok();
    }

    private SessionRecord find(String stream, String session, Authentication authentication) {
        StreamNames.require(stream);
        SessionRecord record = sessions.find(stream, session).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                ErrorCode.SESSION_NOT_FOUND, "no session '" + session + "' on stream '" + stream + "'"));
        Grant grant = Grants.of(authentication);
        if (record.role() == SessionRecord.Role.PUBLISHER && !policy.isOpen()
                && (grant == null || !grant.hasAny(AccessMode.PUBLISH.bit()))) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "the publisher's session of '" + stream + "' needs the publish right on the stream");
        }
        return record;
    }
}

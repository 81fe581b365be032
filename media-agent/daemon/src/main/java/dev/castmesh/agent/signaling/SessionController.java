package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.http.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.streams.TrackSwitch;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.security.Grants;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.sdp.MediaKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The WHIP/WHEP session resource (RFC 9725 §4.3–4.4). {@code PATCH} trickles candidates into the session;
 * ICE restarts are refused with 422, as the RFC asks of a server that supports trickle but not restart.
 * {@code DELETE} ends the session; for a publisher that ends the whole stream. {@code POST} with Liveman's
 * {@code {"kind": "audio"|"video", "enabled": bool}} mutes or unmutes that kind of a viewer's tracks: 204; 400 for a bad
 * body, for a publisher's session or for a kind the viewer does not receive. The rights table lets publish or
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

    private final ObjectMapper mapper;

    SessionController(MediaEngine engine, SessionRegistry sessions, AccessPolicy policy, ObjectMapper mapper) {
        this.engine = engine;
        this.sessions = sessions;
        this.policy = policy;
        this.mapper = mapper;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.ALL})
    HttpResponse<?> switchTrack(@PathVariable String stream, @PathVariable String session, @Body @Nullable String body,
                                @Nullable Authentication authentication) {
        SessionRecord record = find(stream, session, authentication);
        TrackSwitch change;
        try {
            change = body == null || body.isBlank() ? null : mapper.readValue(body, TrackSwitch.class);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON {\"kind\": \"audio\"|\"video\", \"enabled\": true|false}");
        }
        if (change == null) {
            throw ApiException.badRequest("the body is empty; send {\"kind\": \"audio\"|\"video\", \"enabled\": true|false}");
        }
        change.problem().ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        if (record.role() != SessionRecord.Role.VIEWER) {
            throw ApiException.badRequest("only a viewer's tracks can be switched; session '" + session + "' publishes");
        }
        MediaKind kind = MediaKind.fromToken(change.kind()).orElseThrow();
        if (!engine.enableTrack(stream, session, kind, change.enabled())) {
            throw ApiException.badRequest("session '" + session + "' receives no " + change.kind());
        }
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", session).addKeyValue("kind", change.kind())
                .addKeyValue("enabled", change.enabled()).log("track switched by request");
        return HttpResponse.noContent();
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

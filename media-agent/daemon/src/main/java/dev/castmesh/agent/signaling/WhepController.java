package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.agent.config.AgentConfig;
import dev.castmesh.agent.http.ApiException;
import dev.castmesh.api.auth.AccessMode;
import dev.castmesh.api.auth.AccessPolicy;
import dev.castmesh.api.auth.Grant;
import dev.castmesh.security.Grants;
import dev.castmesh.gst.hub.MediaEngine;
import dev.castmesh.gst.hub.SessionAnswer;
import dev.castmesh.gst.hub.SessionRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * {@code POST /whep/{stream}}: a viewer's offer → 201 with the answer; 404 without a publisher, 503 when full.
 * {@code ?cascadeTo={alias}} marks the session as that node's cascade pull: it needs the admin right, or a control-plane
 * cascade token whose {@code leg} claim names that alias (the stream and subscribe right are checked as for any WHEP)
 * (403 otherwise),
 * and the engine holds it in the {@link SessionRole#CASCADE_PULL} role: beyond the viewer limits, not a viewer. A viewer
 * first takes a place in its client's budget of {@link PendingViewers} (429 {@code too_many_pending} when it has none
 * left), then a seat.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class WhepController {
    private static final Logger LOG = LoggerFactory.getLogger(WhepController.class);

    private static final Pattern CASCADE_TO = Pattern.compile("[A-Za-z0-9_.:\\[\\]-]{1,255}");

    private final MediaEngine engine;
    private final SessionRegistry sessions;
    private final ViewerAdmission admission;
    private final AgentConfig config;
    private final AccessPolicy policy;
    private final PendingViewers pending;

    WhepController(MediaEngine engine, SessionRegistry sessions, ViewerAdmission admission, AgentConfig config,
                   AccessPolicy policy, PendingViewers pending) {
        this.pending = pending;
        this.engine = engine;
        this.sessions = sessions;
        this.admission = admission;
        this.config = config;
        this.policy = policy;
    }

    @Post(uri = "/whep/{stream:.+}", consumes = SdpAnswers.SDP, produces = SdpAnswers.SDP)
    HttpResponse<String> play(@PathVariable("stream") String stream, @QueryValue @Nullable String cascadeTo,
                              @Body @Nullable String offer, @Nullable Authentication authentication,
                              HttpRequest<?> request) {
        StreamNames.require(stream);
        if (cascadeTo != null) {
            requireCascadeRight(cascadeTo, authentication);
        }
        SdpAnswers.requireOffer(offer);
        SessionAnswer answer;
        if (cascadeTo != null) {
            answer = engine.subscribe(stream, offer, SessionRole.CASCADE_PULL);
        } else {
            String client = ClientAddress.of(request, Grants.of(authentication), policy.isOpen());
            try (PendingViewers.Place place = pending.reserve(client).orElseThrow(this::tooManyPending);
                 ViewerAdmission.Seat seat = admission.reserve(stream)) {
                answer = engine.subscribe(stream, offer);
                place.answered(stream, answer.sessionId());
            }
        }
        SessionRecord record = sessions.register(stream, answer.sessionId(), SessionRecord.Role.VIEWER, offer);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("session", answer.sessionId())
                .log(cascadeTo == null ? "viewer answered" : "cascade pull answered");
        return SdpAnswers.created(record, answer.sdp(), config.iceServers());
    }

    private ApiException tooManyPending() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_PENDING, "this address has "
                + pending.perClient() + " viewers still connecting, its limit (strategy.max_pending_per_client);"
                + " retry once one has connected");
    }

    private void requireCascadeRight(String cascadeTo, Authentication authentication) {
        if (!CASCADE_TO.matcher(cascadeTo).matches()) {
            throw ApiException.badRequest("cascadeTo must be a node alias or host:port (1 to 255 characters of "
                    + "A-Z a-z 0-9 _ . : [ ] -)");
        }
        Grant grant = Grants.of(authentication);
        boolean admin = grant != null && grant.isWildcard() && grant.hasAny(AccessMode.ADMIN.bit());
        // The control plane's token for this very leg (subscribe on this stream, minted for the pulling node).
        boolean leg = grant != null && cascadeTo.equals(Grants.leg(authentication));
        if (!policy.isOpen() && !admin && !leg) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "cascadeTo needs the admin right on every stream,"
                    + " or the control plane's token for this cascade leg");
        }
    }
}

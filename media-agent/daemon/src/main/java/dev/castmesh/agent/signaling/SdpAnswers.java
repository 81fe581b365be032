package dev.castmesh.agent.signaling;

import dev.castmesh.api.http.ApiPaths;
import dev.castmesh.api.ice.IceLinkHeaders;
import dev.castmesh.api.ice.IceServer;
import dev.castmesh.agent.http.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** The 201 of a WHIP/WHEP offer (RFC 9725 §4.2): answer, Location, ETag, Accept-Patch and ice-server Links. */
final class SdpAnswers {
    static final String SDP = "application/sdp";
    static final String SDP_FRAG = "application/trickle-ice-sdpfrag";

    private SdpAnswers() {
    }

    static MutableHttpResponse<String> created(SessionRecord record, String answer, List<IceServer> iceServers) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(io.micronaut.http.HttpStatus.CREATED)
                .contentType(SDP)
                .header("Location", ApiPaths.session(record.stream(), record.sessionId()))
                .header("ETag", record.etag())
                .header("Accept-Patch", SDP_FRAG)
                .body(answer);
        for (String link : IceLinkHeaders.format(iceServers)) {
            response.getHeaders().add("Link", link);
        }
        return response;
    }

    static String requireOffer(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the body is empty; send an SDP offer as application/sdp");
        }
        return body;
    }
}

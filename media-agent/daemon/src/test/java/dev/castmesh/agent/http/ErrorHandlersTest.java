package dev.castmesh.agent.http;

import dev.castmesh.api.http.ErrorCode;
import dev.castmesh.gst.errors.BadSdpException;
import dev.castmesh.gst.errors.EngineFullException;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.errors.NegotiationTimeoutException;
import dev.castmesh.gst.errors.SessionNotFoundException;
import dev.castmesh.gst.errors.StreamAlreadyPublishedException;
import dev.castmesh.gst.errors.StreamNotFoundException;
import dev.castmesh.gst.errors.UnsupportedCodecException;
import dev.castmesh.gst.record.RecordingActiveException;
import dev.castmesh.gst.record.RecordingUnsupportedException;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorHandlersTest {
    private static final List<MediaException> EVERY_ENGINE_ERROR = List.of(new BadSdpException("x"),
            new EngineFullException("x"), new NegotiationTimeoutException("x"), new SessionNotFoundException("x"),
            new StreamAlreadyPublishedException("x"), new StreamNotFoundException("x"), new UnsupportedCodecException("x"),
            new RecordingActiveException("x"), new RecordingUnsupportedException("x"));

    @Test
    void everyEngineErrorHasItsRowAndTheEngineSpellsItsCodeTheSameWay() {
        assertEquals(EVERY_ENGINE_ERROR.size(), ErrorHandlers.MEDIA.size(), "a row per engine error, no more");
        for (MediaException e : EVERY_ENGINE_ERROR) {
            ErrorHandlers.Refusal refusal = ErrorHandlers.MEDIA.get(e.getClass());
            assertEquals(e.code(), refusal.code().wire(), e.getClass().getSimpleName());
        }
    }

    @Test
    void statusesFollowTheHttpContract() {
        assertEquals(HttpStatus.NOT_FOUND, ErrorHandlers.refusalOf(new StreamNotFoundException("x")).status());
        assertEquals(HttpStatus.CONFLICT, ErrorHandlers.refusalOf(new StreamAlreadyPublishedException("x")).status());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, ErrorHandlers.refusalOf(new UnsupportedCodecException("x")).status());
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, ErrorHandlers.refusalOf(new EngineFullException("x")).status());
    }

    @Test
    void codesAreSnakeCaseAndRoundTrip() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code, ErrorCode.fromWire(code.wire()).orElseThrow());
            assertEquals(code.wire(), code.wire().toLowerCase(java.util.Locale.ROOT));
        }
    }
}

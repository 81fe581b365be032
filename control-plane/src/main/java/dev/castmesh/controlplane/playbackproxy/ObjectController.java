package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.api.http.ApiError;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.security.QueryToken;
import dev.castmesh.storage.ByteRange;
import dev.castmesh.storage.ContentTypes;
import dev.castmesh.storage.ObjectContent;
import dev.castmesh.storage.ObjectInfo;
import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.RangeNotSatisfiableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * {@code GET}/{@code HEAD /api/record/object/{path}} (subscribe on the path's first segment, or admin): a DASH
 * manifest or segment from the recordings store, streamed (never buffered whole).
 * <ul>
 *   <li>{@code Content-Type} by extension ({@link ContentTypes}), {@code Accept-Ranges: bytes}, {@code ETag},
 *       {@code Last-Modified}; manifests {@code Cache-Control: no-cache} (they change while recording), segments
 *       {@code private, max-age=86400};</li>
 *   <li>{@code If-None-Match} / {@code If-Modified-Since} → 304; one {@code Range} → 206 with {@code Content-Range},
 *       past the end → 416 with {@code Content-Range: bytes *}{@code /size}; {@code If-Range} honoured;</li>
 *   <li>a manifest read with {@code ?token=}: the token appended to its segment URLs ({@link ManifestTokens});</li>
 *   <li>{@code [playback] signed_redirect} (S3): segments get a 307 to a presigned URL valid
 *       {@code signed_ttl_seconds}; manifests are always proxied;</li>
 *   <li>a path that is not a clean key ({@link ObjectPath}): 400; no object: 404 {@code object_not_found};
 *       storage down: 503 {@code storage_unavailable}.</li>
 * </ul>
 */
@Controller("/api/record/object")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ObjectController {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectController.class);
    private final ObjectStore store;
    private final PlaybackConfig config;

    ObjectController(ObjectStore store, PlaybackConfig config) {
        this.store = store;
        this.config = config;
    }

    // A regex rather than {+path}: micronaut-openapi 6.20 leaves reserved expansions out of the OpenAPI document.
    @Get("/{path:.+}")
    HttpResponse<?> get(@PathVariable("path") String decodedPath, HttpRequest<?> request) {
        return serve(request, request.getMethod() != HttpMethod.HEAD);
    }

    /** The decoded {@code {path}} is not used: {@link ObjectPath} reads the raw path, as the rights table did. */
    private HttpResponse<?> serve(HttpRequest<?> request, boolean withBody) {
        ObjectPath path = BadRequestException.parse(() -> ObjectPath.parse(request.getUri().getRawPath()));
        Optional<String> queryToken = path.key().endsWith(".mpd") ? QueryToken.of(request) : Optional.empty();
        if (queryToken.isPresent()) {
            return tokenManifest(path, queryToken.get(), withBody);
        }
        if (withBody && isPlainRead(request, path)) {
            return whole(path);
        }
        ObjectInfo info = storage(() -> store.head(path.key()))
                .orElseThrow(() -> PlaybackException.notFound(path.key()));
        // Never a manifest: players resolve its relative segment URLs against the URL they finally read it from,
        // which must stay this proxy (an unsigned S3 URL would be refused), and it is small and changes while recording.
        if (config.signedRedirect() && !path.key().endsWith(".mpd")) {
            URI url = store.presignedGet(path.key(), config.signedTtl())
                    .orElseThrow(() -> new IllegalStateException("signed_redirect without presigned URLs"));
            return HttpResponse.status(HttpStatus.TEMPORARY_REDIRECT)
                    .header(HttpHeaders.LOCATION, url.toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        HttpHeaders headers = request.getHeaders();
        if (Preconditions.notModified(headers.get(HttpHeaders.IF_NONE_MATCH), headers.get(HttpHeaders.IF_MODIFIED_SINCE),
                info)) {
            return validators(HttpResponse.status(HttpStatus.NOT_MODIFIED), path.key(), info);
        }
        String range = Preconditions.rangeApplies(headers.get(HttpHeaders.IF_RANGE), info)
                ? headers.get(HttpHeaders.RANGE) : null;
        RangeHeader.Outcome outcome = RangeHeader.evaluate(range, info.sizeBytes());
        if (outcome instanceof RangeHeader.Unsatisfiable) {
            return unsatisfiable(info.sizeBytes());
        }
        ByteRange wanted = outcome instanceof RangeHeader.Part part ? part.range() : null;
        if (!withBody) {
            long length = wanted == null ? info.sizeBytes() : wanted.length();
            return entity(wanted == null ? HttpResponse.ok() : HttpResponse.status(HttpStatus.PARTIAL_CONTENT),
                    path.key(), info, wanted, info.sizeBytes(), length);
        }
        ObjectContent content;
        try {
            content = storage(() -> store.get(path.key(), wanted))
                    .orElseThrow(() -> PlaybackException.notFound(path.key()));
        } catch (RangeNotSatisfiableStorage e) {
            return unsatisfiable(e.size);
        }
        // The object may have been replaced since head(): describe what is actually sent.
        ByteRange sent = wanted == null ? null : content.range();
        MutableHttpResponse<?> response = (wanted == null ? HttpResponse.ok()
                : HttpResponse.status(HttpStatus.PARTIAL_CONTENT)).body(streamed(path, content));
        return entity(response, path.key(), content.info(), sent, content.info().sizeBytes(), content.contentLength());
    }

    /**
     * Nothing in the request needs the object's metadata before its body (no range, no validators, no redirect):
     * one store read instead of a {@code head} and a {@code get}, which are two round trips on S3.
     */
    private boolean isPlainRead(HttpRequest<?> request, ObjectPath path) {
        HttpHeaders headers = request.getHeaders();
        return !(config.signedRedirect() && !path.key().endsWith(".mpd"))
                && headers.get(HttpHeaders.RANGE) == null && headers.get(HttpHeaders.IF_NONE_MATCH) == null
                && headers.get(HttpHeaders.IF_MODIFIED_SINCE) == null && headers.get(HttpHeaders.IF_RANGE) == null;
    }

    private HttpResponse<?> whole(ObjectPath path) {
        ObjectContent content = storage(() -> store.get(path.key(), null))
                .orElseThrow(() -> PlaybackException.notFound(path.key()));
        return entity(HttpResponse.ok().body(streamed(path, content)), path.key(), content.info(), null,
                content.info().sizeBytes(), content.contentLength());
    }

    /**
     * A manifest read with {@code ?token=} (the token that authorised this request): its segment URLs carry the token
     * too ({@link ManifestTokens}). Always whole and {@code no-store}, without validators: the body holds a credential
     * and differs per token.
     */
    private HttpResponse<?> tokenManifest(ObjectPath path, String token, boolean withBody) {
        ObjectContent content = storage(() -> store.get(path.key(), null))
                .orElseThrow(() -> PlaybackException.notFound(path.key()));
        byte[] stored = storage(() -> {
            try (var in = content.stream()) {
                return in.readAllBytes();
            }
        });
        byte[] body = ManifestTokens.append(stored, token).orElse(stored);
        MutableHttpResponse<?> response = HttpResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, ContentTypes.of(path.key()))
                .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                .header(HttpHeaders.LAST_MODIFIED, Preconditions.httpDate(content.info().lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return withBody ? response.body(body) : response;
    }

    /**
     * A StreamedFile body is sent with its Content-Length, read on the I/O executor, and closed at the end; the
     * headers {@link #entity} sets win over the ones Micronaut adds for files.
     */
    private static StreamedFile streamed(ObjectPath path, ObjectContent content) {
        return new StreamedFile(content.stream(), MediaType.of(ContentTypes.of(path.key())),
                content.info().lastModified().toEpochMilli(), content.contentLength());
    }

    private static MutableHttpResponse<?> entity(MutableHttpResponse<?> response, String key, ObjectInfo info,
                                                 ByteRange range, long size, long length) {
        validators(response, key, info)
                .header(HttpHeaders.CONTENT_TYPE, ContentTypes.of(key))
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(length))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (range != null) {
            response.header(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        return response;
    }

    private static MutableHttpResponse<?> validators(MutableHttpResponse<?> response, String key, ObjectInfo info) {
        return response.header(HttpHeaders.ETAG, info.etag())
                .header(HttpHeaders.LAST_MODIFIED, Preconditions.httpDate(info.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, key.endsWith(".mpd") ? "no-cache" : "private, max-age=86400");
    }

    private static HttpResponse<?> unsatisfiable(long size) {
        return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError("range_not_satisfiable", "the range starts beyond the object's " + size + " bytes"));
    }

    private interface StorageCall<T> {
        T call() throws IOException;
    }

    /** Runs a store call: storage failures become a 503 (details logged), an unsatisfiable range is passed on. */
    private static <T> T storage(StorageCall<T> call) {
        try {
            return call.call();
        } catch (RangeNotSatisfiableException e) {
            throw new RangeNotSatisfiableStorage(e.size());
        } catch (IOException e) {
            LOG.warn("recordings storage failed: {}", e.getMessage());
            throw PlaybackException.storageUnavailable();
        }
    }

    /** Unchecked carrier of {@link RangeNotSatisfiableException} out of {@link #storage}. */
    private static final class RangeNotSatisfiableStorage extends RuntimeException {
        private final long size;

        RangeNotSatisfiableStorage(long size) {
            super(null, null, false, false);
            this.size = size;
        }
    }
}

package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ObjectInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The conditional request headers of a read (RFC 9110 §13), against an object's ETag and modification time. Pure. */
final class Preconditions {
    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);
    private Preconditions() {
    }

    /**
     * True when a GET or HEAD should be answered 304: {@code If-None-Match} lists the ETag (weak comparison) or
     * {@code *}; without {@code If-None-Match}, {@code If-Modified-Since} is not before the last modification
     * (second precision). An unparsable date is ignored.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, ObjectInfo object) {
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, object.etag());
        }
        if (ifModifiedSince != null) {
            Instant since = httpDate(ifModifiedSince);
            return since != null && !object.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        }
        return false;
    }

    /**
     * True when a {@code Range} may be honoured: no {@code If-Range}, or an {@code If-Range} holding the current
     * strong ETag or a date not before the last modification.
     */
    static boolean rangeApplies(String ifRange, ObjectInfo object) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"")) {
            return value.equals(object.etag());
        }
        Instant date = httpDate(value);
        return date != null && object.lastModified().truncatedTo(ChronoUnit.SECONDS).equals(date);
    }

    /** {@code Last-Modified} value. */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
    }

    private static boolean matches(String header, String etag) {
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

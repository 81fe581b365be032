package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ByteRange;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Range} request header against an object of known size (RFC 9110 §14). Pure. One range only: a header
 * this server does not serve as a range (another unit, several ranges, bad syntax) is ignored and the whole object
 * is sent, as the RFC allows.
 */
final class RangeHeader {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** What to send. */
    sealed interface Outcome permits Whole, Part, Unsatisfiable {
    }

    /** 200 with the whole object. */
    record Whole() implements Outcome {
    }

    /** 206 with these bytes. */
    record Part(ByteRange range) implements Outcome {
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements Outcome {
    }

    private RangeHeader() {
    }

    static Outcome evaluate(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if ((!m.group(1).isEmpty() && first.isEmpty()) || (!m.group(2).isEmpty() && last.isEmpty())) {
            return new Whole();
        }
        if (first.isEmpty()) {
            // bytes=-N: the last N bytes.
            long suffix = last.get();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole();
        }
        if (first.get() >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first.get(), Math.min(last.orElse(Long.MAX_VALUE), size - 1)));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}

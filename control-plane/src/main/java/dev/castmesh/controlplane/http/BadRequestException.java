package dev.castmesh.controlplane.http;

import java.util.function.Supplier;

/** 400 {@code bad_request}: the client sent something invalid; the message says what. */
public final class BadRequestException extends ApiException {
    public BadRequestException(String message) {
        super(400, "bad_request", message);
    }

    /** Runs a pure parser that throws {@link IllegalArgumentException} with a client message; a failure is a 400. */
    public static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Runs a pure validation that throws {@link IllegalArgumentException} with a client message (such as
     * {@code StreamName.validate}) and turns its failure into a 400.
     *
     * @param prefix put before the validation message, e.g. {@code "recordings[2]: "}; may be empty
     */
    public static void check(String prefix, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(prefix + e.getMessage());
        }
    }
}

package dev.castmesh.gst.cascade;

import dev.castmesh.gst.client.HttpStatusException;
import dev.castmesh.gst.client.SdpExchange;
import dev.castmesh.gst.errors.MediaException;
import dev.castmesh.gst.errors.StreamNotFoundException;

import java.io.IOException;
import java.time.Duration;

/** One offer/answer exchange with a bridge's source or target, its failures told apart for the caller. */
final class RemoteSide {
    private RemoteSide() {
    }

    /** Runs one offer/answer exchange, translating the remote side's refusal into a {@link CascadeException}. */
    static String exchange(SdpExchange side, String offer, String role, Duration timeout) {
        try {
            return side.exchange(offer);
        } catch (HttpStatusException e) {
            CascadeException.Reason reason = e.status() == 404 && role.equals("source")
                    ? CascadeException.Reason.NOT_FOUND : CascadeException.Reason.REFUSED;
            throw new CascadeException(reason, "the " + role + " refused: " + e.getMessage(), e.status());
        } catch (StreamNotFoundException e) {
            throw new CascadeException(role.equals("source") ? CascadeException.Reason.NOT_FOUND
                    : CascadeException.Reason.REFUSED, "the " + role + " refused: " + e.getMessage(), 404);
        } catch (MediaException e) {
            throw new CascadeException(CascadeException.Reason.REFUSED, "the " + role + " refused: " + e.getMessage());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new CascadeException(CascadeException.Reason.TIMEOUT, "the " + role + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new CascadeException(CascadeException.Reason.REFUSED, "the " + role + " is unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CascadeException(CascadeException.Reason.FAILED, "interrupted");
        }
    }

}

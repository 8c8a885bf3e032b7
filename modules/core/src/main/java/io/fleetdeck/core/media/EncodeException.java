package io.fleetdeck.core.media;

/** A session could not start or failed while running; the message is meant for the operator. */
public class EncodeException extends Exception {
    public EncodeException(String message) {
        super(message);
    }

    public EncodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

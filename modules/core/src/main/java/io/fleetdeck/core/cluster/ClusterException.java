package io.fleetdeck.core.cluster;

/** A cluster operation that failed, with a message an operator can act on. */
public final class ClusterException extends Exception {
    public enum Kind {
        BAD_CONFIG, UNREACHABLE, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, TIMEOUT, OTHER
    }

    private final Kind kind;

    public ClusterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ClusterException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}

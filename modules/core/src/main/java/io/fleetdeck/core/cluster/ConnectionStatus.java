package io.fleetdeck.core.cluster;

import java.time.Instant;

/**
 * The connection state with a human message, and when the data was last known fresh: while not LIVE
 * the console shows how stale its picture is.
 */
public record ConnectionStatus(ConnectionState state, String message, Instant lastFresh) {
    public static ConnectionStatus connecting(String message) {
        return new ConnectionStatus(ConnectionState.CONNECTING, message, null);
    }

    public static ConnectionStatus live(Instant now) {
        return new ConnectionStatus(ConnectionState.LIVE, "", now);
    }

    public static ConnectionStatus failed(String message, Instant lastFresh) {
        return new ConnectionStatus(ConnectionState.FAILED, message, lastFresh);
    }
}

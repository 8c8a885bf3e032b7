package io.fleetdeck.core.cluster;

/** Where the console stands with the cluster it shows. */
public enum ConnectionState {
    CONNECTING("Connecting"),
    LIVE("Live"),
    RECONNECTING("Reconnecting"),
    FAILED("Failed"),
    CLOSED("Closed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

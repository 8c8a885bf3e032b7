package io.fleetdeck.core.model;

/** {@code status.phase} of a Pod. */
public enum PodPhase {
    PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN;

    public static PodPhase parse(String phase) {
        if (phase == null) {
            return PENDING;
        }
        return switch (phase) {
            case "Pending" -> PENDING;
            case "Running" -> RUNNING;
            case "Succeeded" -> SUCCEEDED;
            case "Failed" -> FAILED;
            default -> UNKNOWN;
        };
    }

    /** Terminated pods hold no resources: the scheduler ignores their requests. */
    public boolean isTerminated() {
        return this == SUCCEEDED || this == FAILED;
    }

    public String label() {
        return switch (this) {
            case PENDING -> "Pending";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case UNKNOWN -> "Unknown";
        };
    }
}

package io.fleetdeck.core.model;

import java.time.Instant;

/** One entry of {@code status.conditions} of a Node. */
public record NodeCondition(String type, String status, String reason, String message, Instant lastTransition) {
    public boolean isTrue() {
        return "True".equals(status);
    }
}

package io.fleetdeck.core.model;

import java.time.Instant;

/** A Kubernetes Event about some object, as shown in a node's details. */
public record ClusterEvent(String type, String reason, String message, String objectKind, String objectName,
                           String source, int count, Instant lastSeen) {
}

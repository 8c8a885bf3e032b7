package io.fleetdeck.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * The parts of a Pod FleetDeck needs, kept small because a fleet has tens of thousands of them.
 * {@code acceleratorRequests} holds only GPU/FPGA resources (requests, or limits where requests are absent);
 * {@code nodeSelector} is {@code spec.nodeSelector}, which tells what kind of node a pending session waits for.
 */
public record PodInfo(
        String uid,
        String namespace,
        String name,
        String nodeName,
        PodPhase phase,
        boolean terminating,
        String ownerKind,
        String ownerName,
        Map<String, Long> acceleratorRequests,
        String streamName,
        String previewUrl,
        int targetFps,
        Instant created,
        String pendingReason,
        String pendingMessage,
        int restarts,
        boolean mirror,
        Map<String, String> nodeSelector) {

    public PodInfo {
        acceleratorRequests = Map.copyOf(acceleratorRequests);
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    }

    public boolean isBound() {
        return nodeName != null && !nodeName.isEmpty();
    }

    /** A stream session is a pod carrying the {@code fleetdeck.io/stream} annotation. */
    public boolean isSession() {
        return streamName != null && !streamName.isEmpty();
    }

    public boolean isDaemonSetPod() {
        return "DaemonSet".equals(ownerKind);
    }

    /** Whether this pod still holds its node's resources (the scheduler's view). */
    public boolean holdsResources() {
        return isBound() && !phase.isTerminated();
    }

    public long request(String resource) {
        Long v = acceleratorRequests.get(resource);
        return v == null ? 0 : v;
    }

    public String key() {
        return namespace + "/" + name;
    }
}

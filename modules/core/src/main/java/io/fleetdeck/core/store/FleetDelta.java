package io.fleetdeck.core.store;

import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;

import java.util.List;
import java.util.Set;

/**
 * What changed since the previous delta: rows to update in place by node name, rows to remove,
 * the fleet-wide figures for the status bar, and the pending pods when they changed (null otherwise).
 */
public record FleetDelta(
        long version,
        List<NodeSummary> changed,
        Set<String> removed,
        boolean nodesSynced,
        boolean podsSynced,
        ConnectionStatus connection,
        FleetTotals totals,
        List<PodInfo> pending,
        List<PodInfo> previewable) {

    /** Whether the pods with a preview URL changed in this delta ({@link #previewable()} is null when not). */
    public boolean previewableChanged() {
        return previewable != null;
    }

    /** Whether the pending pods changed in this delta ({@link #pending()} is null when they did not). */
    public boolean pendingChanged() {
        return pending != null;
    }

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty();
    }
}

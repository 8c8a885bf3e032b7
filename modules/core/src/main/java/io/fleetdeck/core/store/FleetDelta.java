package io.fleetdeck.core.store;

import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.NodeSummary;

import java.util.List;
import java.util.Set;

/**
 * What changed since the previous delta: rows to update in place by node name, rows to remove,
 * and the fleet-wide figures for the status bar.
 */
public record FleetDelta(
        long version,
        List<NodeSummary> changed,
        Set<String> removed,
        boolean nodesSynced,
        boolean podsSynced,
        ConnectionStatus connection,
        FleetTotals totals) {

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty();
    }
}

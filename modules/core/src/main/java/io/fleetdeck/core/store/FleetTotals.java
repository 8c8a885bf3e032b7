package io.fleetdeck.core.store;

/** Fleet-wide counts, kept up to date incrementally by the store. */
public record FleetTotals(int nodes, int readyNodes, int cordonedNodes, int pods, int sessions, int pendingPods) {
}

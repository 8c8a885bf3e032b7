package io.fleetdeck.core.capacity;

/**
 * Capacity of one group (or of the fleet). Slices and FPGA slots are summed together because a session
 * takes one of either. Cost figures cover only priced nodes, so {@link #dollarsPerSessionHour()} is not
 * diluted by nodes whose price is unknown.
 *
 * @param capacity         allocatable GPU slices plus FPGA slots
 * @param used             held by bound, non-terminated pods (terminating ones included)
 * @param free             capacity − used, never below 0
 * @param reserved         part of {@code used} held by terminating pods: free soon
 * @param pending          requests of pending session pods whose selector points at this group
 * @param dollarsPerHour   sum over nodes with a known price
 * @param pricedSessions   sessions on those priced nodes
 * @param sessionsAtTarget Σ GPUs × configured sessions per GPU, over GPU nodes with a target
 */
public record CapacityRow(
        String group,
        int nodes,
        long capacity,
        long used,
        long free,
        long reserved,
        long pending,
        long sessions,
        double dollarsPerHour,
        long pricedSessions,
        long sessionsAtTarget,
        int oversubscribedNodes,
        int strandedNodes) {

    public static CapacityRow of(String group, int nodes, long capacity, long used, long reserved, long pending,
                                 long sessions, double dollarsPerHour, long pricedSessions, long sessionsAtTarget,
                                 int oversubscribedNodes, int strandedNodes) {
        return new CapacityRow(group, nodes, capacity, used, Math.max(0, capacity - used), reserved, pending,
                sessions, dollarsPerHour, pricedSessions, sessionsAtTarget, oversubscribedNodes, strandedNodes);
    }

    /** Dollars per session-hour on priced nodes; NaN when they carry no sessions (there is nothing to divide). */
    public double dollarsPerSessionHour() {
        return pricedSessions == 0 ? Double.NaN : dollarsPerHour / pricedSessions;
    }

    /** Whether pending demand exceeds what is free now plus what terminating pods will hand back. */
    public boolean isShortOfCapacity() {
        return pending > free + reserved;
    }
}

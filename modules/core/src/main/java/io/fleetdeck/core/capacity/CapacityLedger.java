package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetDelta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Capacity per group, kept up to date incrementally: each node's contribution is remembered, so a node
 * update subtracts the old figures and adds the new ones (O(1)) instead of re-summing 5,000 nodes per pod
 * event. Money is summed in whole micro-dollars so that any order of updates gives exactly the figures a
 * from-scratch sum gives. Not thread-safe: one writer (the store's pulse) feeds it.
 */
public final class CapacityLedger {
    /** Label of the {@link #fleet()} row. */
    public static final String FLEET = "fleet";
    private static final double MICROS = 1_000_000d;

    private final Grouping grouping;
    private final DensityTargets targets;
    private final CostTable costs;
    private final Map<String, Contribution> byNode = new HashMap<>();
    private final Map<String, PendingDemand> byPendingUid = new HashMap<>();
    private final Map<String, Sums> byGroup = new TreeMap<>();
    private final Sums fleet = new Sums();

    public CapacityLedger(Grouping grouping, DensityTargets targets, CostTable costs) {
        this.grouping = grouping;
        this.targets = targets;
        this.costs = costs;
    }

    /** A ledger built from scratch: the reference the incremental one must agree with. */
    public static CapacityLedger compute(Collection<NodeSummary> nodes, Collection<PodInfo> pending,
                                         Grouping grouping, DensityTargets targets, CostTable costs) {
        CapacityLedger ledger = new CapacityLedger(grouping, targets, costs);
        nodes.forEach(ledger::put);
        pending.forEach(ledger::putPending);
        return ledger;
    }

    public Grouping grouping() {
        return grouping;
    }

    /** Adds a node, or replaces its previous figures. */
    public void put(NodeSummary s) {
        Contribution next = contribution(s);
        Contribution old = byNode.put(s.name(), next);
        if (old != null) {
            apply(old, -1);
        }
        apply(next, 1);
    }

    public void remove(String nodeName) {
        Contribution old = byNode.remove(nodeName);
        if (old != null) {
            apply(old, -1);
        }
    }

    /**
     * Adds or replaces a pending pod's demand. A pod that is no longer a pending session (bound, terminated,
     * or not a session) only has its previous demand removed, so callers can pass every pod update.
     */
    public void putPending(PodInfo pod) {
        removePending(pod.uid());
        if (pod.isBound() || pod.phase().isTerminated() || !pod.isSession()) {
            return;
        }
        long amount = 0;
        for (long v : pod.acceleratorRequests().values()) {
            amount += v;
        }
        PendingDemand d = new PendingDemand(grouping.keyOf(pod), amount);
        byPendingUid.put(pod.uid(), d);
        addPending(d, 1);
    }

    public void removePending(String uid) {
        PendingDemand old = byPendingUid.remove(uid);
        if (old != null) {
            addPending(old, -1);
        }
    }

    /** Applies a store delta: the changed rows replace their nodes' figures, removed nodes drop out. */
    public void apply(FleetDelta delta) {
        delta.changed().forEach(this::put);
        delta.removed().forEach(this::remove);
    }

    /**
     * Makes the pending demand match {@code pending} (e.g. {@code FleetStore.pendingPods()} on each pulse):
     * pods no longer listed are dropped. Costs O(pending pods), which stay few next to the bound ones.
     */
    public void syncPending(Collection<PodInfo> pending) {
        Set<String> listed = new HashSet<>(pending.size() * 2);
        for (PodInfo pod : pending) {
            listed.add(pod.uid());
            putPending(pod);
        }
        byPendingUid.entrySet().removeIf(e -> {
            if (listed.contains(e.getKey())) {
                return false;
            }
            addPending(e.getValue(), -1);
            return true;
        });
    }

    /** One row per group, sorted by group name. */
    public List<CapacityRow> rows() {
        List<CapacityRow> rows = new ArrayList<>(byGroup.size());
        byGroup.forEach((group, sums) -> rows.add(sums.row(group)));
        return rows;
    }

    /** The whole fleet in one row. */
    public CapacityRow fleet() {
        return fleet.row(FLEET);
    }

    private Contribution contribution(NodeSummary s) {
        long micros = costs.dollarsPerHour(s.node().instanceType()).stream()
                .mapToLong(d -> Math.round(d * MICROS)).findFirst().orElse(-1);
        int target = s.hasGpu() ? targets.sessionsPerGpu(s.gpuProduct()).orElse(0) : 0;
        DensityVerdict verdict = targets.judge(s);
        return new Contribution(grouping.keyOf(s),
                s.slicesTotal() + s.fpgaTotal(),
                s.slicesUsed() + s.fpgaUsed(),
                s.slicesReserved() + s.fpgaReserved(),
                s.sessions(),
                Math.max(0, micros),
                micros >= 0 ? s.sessions() : 0,
                (long) Math.max(0, s.gpuCount()) * target,
                verdict == DensityVerdict.OVERSUBSCRIBED ? 1 : 0,
                verdict == DensityVerdict.STRANDED ? 1 : 0);
    }

    private void apply(Contribution c, int sign) {
        Sums group = byGroup.computeIfAbsent(c.group(), g -> new Sums());
        group.add(c, sign);
        fleet.add(c, sign);
        if (group.isEmpty()) {
            byGroup.remove(c.group());
        }
    }

    private void addPending(PendingDemand d, int sign) {
        Sums group = byGroup.computeIfAbsent(d.group(), g -> new Sums());
        group.addPending(d.amount(), sign);
        fleet.addPending(d.amount(), sign);
        if (group.isEmpty()) {
            byGroup.remove(d.group());
        }
    }

    /** What one node adds to its group; kept so the same figures can be subtracted later. */
    private record Contribution(String group, long capacity, long used, long reserved, long sessions,
                                long micros, long pricedSessions, long sessionsAtTarget, int over,
                                int stranded) {
    }

    private record PendingDemand(String group, long amount) {
    }

    /** Running sums of one group; {@code members} tells when it has emptied and can go. */
    private static final class Sums {
        int nodes;
        int pendingPods;
        long capacity;
        long used;
        long reserved;
        long pending;
        long sessions;
        long micros;
        long pricedSessions;
        long sessionsAtTarget;
        int over;
        int stranded;

        void add(Contribution c, int sign) {
            nodes += sign;
            capacity += sign * c.capacity();
            used += sign * c.used();
            reserved += sign * c.reserved();
            sessions += sign * c.sessions();
            micros += sign * c.micros();
            pricedSessions += sign * c.pricedSessions();
            sessionsAtTarget += sign * c.sessionsAtTarget();
            over += sign * c.over();
            stranded += sign * c.stranded();
        }

        void addPending(long amount, int sign) {
            pendingPods += sign;
            pending += sign * amount;
        }

        boolean isEmpty() {
            return nodes == 0 && pendingPods == 0;
        }

        CapacityRow row(String group) {
            return CapacityRow.of(group, nodes, capacity, used, reserved, pending, sessions, micros / MICROS,
                    pricedSessions, sessionsAtTarget, over, stranded);
        }
    }
}

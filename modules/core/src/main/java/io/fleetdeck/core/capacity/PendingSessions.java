package io.fleetdeck.core.capacity;

import io.fleetdeck.core.capacity.SchedulerMessage.Kind;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.PodInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Why session pods wait, and what capacity would place them all. */
public final class PendingSessions {
    private PendingSessions() {
    }

    /** Why one session is not running. */
    public enum Reason {
        /** Candidate nodes exist but have no free slice / FPGA slot. */
        NO_FREE_SLICE,
        /** No node matches the pod's selector or affinity (typically arm64 vs amd64). */
        ARCH_MISMATCH,
        /** The matching nodes are cordoned. */
        ALL_CANDIDATES_CORDONED,
        /** The scheduler has not reported on the pod yet. */
        NOT_YET_SCHEDULED,
        OTHER
    }

    /**
     * @param resource the accelerator the pod waits for (GPU preferred when it asks for several), or null
     * @param amount   how many of it
     */
    public record PendingSession(PodInfo pod, Reason reason, String message, String resource, long amount) {
    }

    /**
     * Slices of one resource that pods with one selector wait for.
     *
     * @param selector the pods' nodeSelector, sorted; empty when they accept any node
     */
    public record Demand(String resource, Map<String, String> selector, long amount, int pods) {
        public Demand {
            selector = Collections.unmodifiableMap(new TreeMap<>(selector));
        }

        /** "12 × nvidia.com/gpu with kubernetes.io/arch=arm64" or "3 × nvidia.com/gpu on any node". */
        public String text() {
            return amount + " × " + resource + (selector.isEmpty() ? " on any node" : " with " + selectorText(selector));
        }
    }

    /** Unbound, not terminated, not being deleted, and carrying a stream: a session waiting for a node. */
    public static boolean isPendingSession(PodInfo pod) {
        return pod.isSession() && !pod.isBound() && !pod.phase().isTerminated() && !pod.terminating();
    }

    /** The pending sessions among {@code pods}, each with its reason, oldest first. */
    public static List<PendingSession> analyse(Collection<PodInfo> pods) {
        List<PendingSession> out = new ArrayList<>();
        for (PodInfo pod : pods) {
            if (isPendingSession(pod)) {
                out.add(classify(pod));
            }
        }
        out.sort(Comparator.comparing((PendingSession p) -> p.pod().created(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(p -> p.pod().key()));
        return out;
    }

    /**
     * The reason for one pod. Nodes that fail the selector were never candidates, so the dominant cause is
     * chosen among the remaining nodes: 4,990 arm64 mismatches and 10 full amd64 nodes is "no free slice".
     * Only when no node was a candidate is the selector to blame.
     */
    public static PendingSession classify(PodInfo pod) {
        String resource = mainResource(pod);
        long amount = resource == null ? 0 : pod.request(resource);
        String raw = pod.pendingMessage();
        SchedulerMessage m = SchedulerMessage.parse(raw);
        if (m.causes().isEmpty()) {
            boolean reported = "Unschedulable".equals(pod.pendingReason()) && raw != null && !raw.isBlank();
            return reported
                    ? new PendingSession(pod, Reason.OTHER, raw.strip(), resource, amount)
                    : new PendingSession(pod, Reason.NOT_YET_SCHEDULED, "waiting for the scheduler", resource,
                    amount);
        }
        int mismatched = m.count(Kind.SELECTOR_MISMATCH);
        int noSlice = m.count(Kind.INSUFFICIENT_ACCELERATOR);
        int cordoned = m.count(Kind.UNSCHEDULABLE);
        int other = m.count(Kind.INSUFFICIENT_OTHER) + m.count(Kind.OTHER);
        String selector = pod.nodeSelector().isEmpty() ? "its node affinity" : selectorText(pod.nodeSelector());
        String totalText = m.total() >= 0 ? " of " + m.total() : "";
        if (noSlice + cordoned + other == 0 || (m.total() > 0 && mismatched >= m.total())) {
            return new PendingSession(pod, Reason.ARCH_MISMATCH,
                    mismatched + totalText + " nodes don't match " + selector, resource, amount);
        }
        String skipped = mismatched > 0 ? " (" + mismatched + " more don't match " + selector + ")" : "";
        if (noSlice >= cordoned && noSlice >= other) {
            String what = m.causes().stream().filter(c -> c.kind() == Kind.INSUFFICIENT_ACCELERATOR)
                    .map(SchedulerMessage.Cause::resource).distinct().collect(Collectors.joining(", "));
            return new PendingSession(pod, Reason.NO_FREE_SLICE,
                    "no free " + what + " on " + noSlice + totalText + " nodes" + skipped, resource, amount);
        }
        if (cordoned >= other) {
            return new PendingSession(pod, Reason.ALL_CANDIDATES_CORDONED,
                    cordoned + totalText + " nodes are cordoned" + skipped, resource, amount);
        }
        String first = m.causes().stream().filter(c -> c.kind() == Kind.OTHER || c.kind() == Kind.INSUFFICIENT_OTHER)
                .max(Comparator.comparingInt(SchedulerMessage.Cause::nodes))
                .map(c -> c.nodes() + totalText + " nodes: " + c.text()).orElse("");
        return new PendingSession(pod, Reason.OTHER, first + skipped, resource, amount);
    }

    /**
     * What would place every pending session: per resource and selector, the slices they ask for. Pods
     * asking for several accelerators count towards each.
     */
    public static List<Demand> demand(Collection<PodInfo> pending) {
        record Key(String resource, Map<String, String> selector) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (PodInfo pod : pending) {
            if (!isPendingSession(pod)) {
                continue;
            }
            Map<String, String> selector = new TreeMap<>(pod.nodeSelector());
            for (var e : pod.acceleratorRequests().entrySet()) {
                if (e.getValue() > 0) {
                    long[] s = sums.computeIfAbsent(new Key(e.getKey(), selector), k -> new long[2]);
                    s[0] += e.getValue();
                    s[1]++;
                }
            }
        }
        List<Demand> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Demand(k.resource(), k.selector(), s[0], (int) s[1])));
        out.sort(Comparator.comparingLong(Demand::amount).reversed().thenComparing(Demand::text));
        return out;
    }

    private static String mainResource(PodInfo pod) {
        if (pod.request(FleetLabels.GPU_RESOURCE) > 0) {
            return FleetLabels.GPU_RESOURCE;
        }
        if (pod.request(FleetLabels.GPU_SHARED_RESOURCE) > 0) {
            return FleetLabels.GPU_SHARED_RESOURCE;
        }
        return pod.acceleratorRequests().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    static String selectorText(Map<String, String> selector) {
        return new TreeMap<>(selector).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}

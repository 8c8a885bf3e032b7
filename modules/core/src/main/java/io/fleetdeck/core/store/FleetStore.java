package io.fleetdeck.core.store;

import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet model: nodes, the pods bound to them, and each node's figures, with indexes so that a pod
 * event touches only its node. One adapter thread writes; the UI pulse takes {@link #takeDelta()}.
 * Every method is short and holds the lock only for in-memory work.
 */
public final class FleetStore implements FleetSink {
    private final AcceleratorPatterns patterns;
    private final Map<String, EncoderNode> nodes = new HashMap<>();
    private final Map<String, NodeSummary> summaries = new HashMap<>();
    private final Map<String, NodeLoad> loads = new HashMap<>();
    private final Map<String, PodInfo> pods = new HashMap<>();
    private final Map<String, Map<String, PodInfo>> podsByNode = new HashMap<>();
    /** Unbound, non-terminated pods by uid, so the pending view never scans all pods. */
    private final Map<String, PodInfo> pendingByUid = new LinkedHashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Set<String> removed = new HashSet<>();
    private boolean pendingChanged = true;
    /** Pods whose stream can be previewed ({@code fleetdeck.io/preview-url}): the streams wall's tiles. */
    private final Map<String, PodInfo> previewable = new HashMap<>();
    private boolean previewChanged = true;
    private long version;
    private int sessions;
    private int pending;
    private boolean nodesSynced;
    private boolean podsSynced;
    private ConnectionStatus connection = ConnectionStatus.connecting("");

    public FleetStore(AcceleratorPatterns patterns) {
        this.patterns = patterns;
    }

    @Override
    public synchronized void apply(List<FleetChange> batch) {
        for (FleetChange change : batch) {
            switch (change) {
                case FleetChange.NodeUpserted(EncoderNode node) -> upsertNode(node);
                case FleetChange.NodeDeleted(String name) -> deleteNode(name);
                case FleetChange.PodUpserted(PodInfo pod) -> upsertPod(pod);
                case FleetChange.PodDeleted(String uid) -> deletePod(uid);
            }
        }
        if (!batch.isEmpty()) {
            version++;
        }
    }

    @Override
    public synchronized void synced(SyncedKind kind) {
        switch (kind) {
            case NODES -> nodesSynced = true;
            case PODS -> podsSynced = true;
        }
        version++;
    }

    @Override
    public synchronized void connection(ConnectionStatus status) {
        this.connection = status;
        version++;
    }

    private void upsertNode(EncoderNode node) {
        nodes.put(node.name(), node);
        removed.remove(node.name());
        dirty.add(node.name());
    }

    private void deleteNode(String name) {
        if (nodes.remove(name) != null) {
            summaries.remove(name);
            dirty.remove(name);
            removed.add(name);
        }
    }

    private void upsertPod(PodInfo pod) {
        PodInfo old = pods.put(pod.uid(), pod);
        if (old != null) {
            unindex(old);
        }
        index(pod);
    }

    private void deletePod(String uid) {
        PodInfo old = pods.remove(uid);
        if (old != null) {
            unindex(old);
        }
    }

    private void index(PodInfo pod) {
        if (pod.isSession()) {
            sessions++;
        }
        if (pod.previewUrl() != null && !pod.previewUrl().isBlank()) {
            previewable.put(pod.uid(), pod);
            previewChanged = true;
        }
        if (!pod.isBound() && !pod.phase().isTerminated()) {
            pending++;
            pendingByUid.put(pod.uid(), pod);
            pendingChanged = true;
        }
        if (pod.isBound()) {
            podsByNode.computeIfAbsent(pod.nodeName(), n -> new HashMap<>()).put(pod.uid(), pod);
            loads.computeIfAbsent(pod.nodeName(), n -> new NodeLoad()).add(pod, 1);
            dirty.add(pod.nodeName());
        }
    }

    private void unindex(PodInfo pod) {
        if (pod.isSession()) {
            sessions--;
        }
        if (previewable.remove(pod.uid()) != null) {
            previewChanged = true;
        }
        if (!pod.isBound() && !pod.phase().isTerminated()) {
            pending--;
            pendingByUid.remove(pod.uid());
            pendingChanged = true;
        }
        if (pod.isBound()) {
            Map<String, PodInfo> onNode = podsByNode.get(pod.nodeName());
            if (onNode != null) {
                onNode.remove(pod.uid());
                if (onNode.isEmpty()) {
                    podsByNode.remove(pod.nodeName());
                }
            }
            NodeLoad load = loads.get(pod.nodeName());
            if (load != null) {
                load.add(pod, -1);
            }
            dirty.add(pod.nodeName());
        }
    }

    /** Rows changed since the previous call, recomputed only for the nodes that changed. */
    public synchronized FleetDelta takeDelta() {
        List<NodeSummary> changed = new ArrayList<>(dirty.size());
        for (String name : dirty) {
            EncoderNode node = nodes.get(name);
            if (node != null) {
                NodeSummary s = NodeSummaries.summarise(node, loads.computeIfAbsent(name, n -> new NodeLoad()),
                        patterns);
                summaries.put(name, s);
                changed.add(s);
            }
        }
        dirty.clear();
        Set<String> gone = Set.copyOf(removed);
        removed.clear();
        // Lists the UI needs travel with the delta, made here on the pulse thread: the UI never waits for the lock.
        List<PodInfo> pending = pendingChanged ? pendingPods() : null;
        pendingChanged = false;
        List<PodInfo> streams = previewChanged ? previewablePods() : null;
        previewChanged = false;
        return new FleetDelta(version, changed, gone, nodesSynced, podsSynced, connection, totals(), pending, streams);
    }

    private FleetTotals totals() {
        int ready = 0;
        int cordoned = 0;
        for (NodeSummary s : summaries.values()) {
            if (s.state() == NodeState.READY) {
                ready++;
            } else if (s.state() == NodeState.CORDONED || s.state() == NodeState.DRAINING) {
                cordoned++;
            }
        }
        return new FleetTotals(nodes.size(), ready, cordoned, pods.size(), sessions, pending);
    }

    /** The figures of one node, as of the last delta. */
    public synchronized NodeSummary summary(String nodeName) {
        EncoderNode node = nodes.get(nodeName);
        if (node == null) {
            return null;
        }
        return NodeSummaries.summarise(node, loads.computeIfAbsent(nodeName, n -> new NodeLoad()), patterns);
    }

    /** The pods bound to a node, sessions first, then by name. */
    public synchronized List<PodInfo> podsOn(String nodeName) {
        Map<String, PodInfo> onNode = podsByNode.get(nodeName);
        if (onNode == null) {
            return List.of();
        }
        List<PodInfo> list = new ArrayList<>(onNode.values());
        list.sort(Comparator.comparing((PodInfo p) -> !p.isSession()).thenComparing(PodInfo::key));
        return list;
    }

    /**
     * The pods not yet bound to a node and not terminated (as counted by {@link FleetTotals#pendingPods()}),
     * oldest first; read from an index, so cheap even with tens of thousands of pods.
     */
    public synchronized List<PodInfo> pendingPods() {
        List<PodInfo> list = new ArrayList<>(pendingByUid.values());
        list.sort(Comparator.comparing(PodInfo::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PodInfo::key));
        return list;
    }

    /** Session pods with a preview URL, by stream name then pod, from an index (no scan of all pods). */
    public synchronized List<PodInfo> previewablePods() {
        List<PodInfo> list = new ArrayList<>(previewable.values());
        list.sort(Comparator.comparing((PodInfo p) -> String.valueOf(p.streamName())).thenComparing(PodInfo::key));
        return list;
    }

    /** A pod by uid, or null. */
    public synchronized PodInfo pod(String uid) {
        return pods.get(uid);
    }

    public synchronized int nodeCount() {
        return nodes.size();
    }

    public synchronized int podCount() {
        return pods.size();
    }

    public synchronized long version() {
        return version;
    }
}

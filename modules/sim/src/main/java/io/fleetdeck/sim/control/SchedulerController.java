package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.sim.api.Binding;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Binds Pending pods to nodes with free slices of what they request, honouring cordon, readiness,
 * taints and nodeSelector (arch, pool). Pods that fit nowhere get PodScheduled=False/Unschedulable
 * and wait, like the real unschedulable queue, until capacity changes.
 */
final class SchedulerController implements Controller {
    private static final int PODS_PER_TICK = 200;
    private static final long RETRY_MILLIS = 10_000;

    private final ObjectStore store;
    private final EventRecorder events;
    private final Map<String, NodeFit> nodes = new TreeMap<>();
    private final DirtyQueue changedNodes = new DirtyQueue();
    private final DirtyQueue queue = new DirtyQueue();
    private final Map<String, Boolean> unschedulable = new LinkedHashMap<>();
    private volatile boolean capacityChanged;
    private long lastRetry = System.currentTimeMillis();

    SchedulerController(ObjectStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        store.all(ResourceCatalog.NODES, null).forEach(n -> changedNodes.add(n.name()));
        store.all(ResourceCatalog.PODS, null).stream().filter(SchedulerController::waiting).forEach(p -> queue.add(p.key()));
    }

    private static boolean waiting(StoredObject pod) {
        return pod.nodeName().isEmpty() && !pod.terminating() && pod.phase().equals("Pending");
    }

    @Override
    public void enqueue(WatchEvent e) {
        StoredObject o = e.object();
        if (o.type() == ResourceCatalog.NODES) {
            changedNodes.add(o.name());
            capacityChanged = true;
        } else if (o.type() == ResourceCatalog.PODS) {
            if (e.type().equals(WatchEvent.DELETED)) {
                queue.remove(o.key());
                capacityChanged |= !o.nodeName().isEmpty();
            } else if (waiting(o)) {
                queue.add(o.key());
            }
        }
    }

    @Override
    public void reconcile() {
        for (String name : changedNodes.drain(Integer.MAX_VALUE)) {
            Optional<StoredObject> node = store.get(ResourceCatalog.NODES, "", name);
            if (node.isPresent()) {
                nodes.put(name, NodeFit.of(node.get()));
            } else {
                nodes.remove(name);
            }
        }
        long now = System.currentTimeMillis();
        if (capacityChanged || now - lastRetry > RETRY_MILLIS) {
            capacityChanged = false;
            lastRetry = now;
            unschedulable.keySet().forEach(queue::add);
            unschedulable.clear();
        }
        for (String key : queue.drain(PODS_PER_TICK)) {
            String[] nsName = key.split("/", 2);
            store.get(ResourceCatalog.PODS, nsName[0], nsName[1]).filter(SchedulerController::waiting)
                    .ifPresent(this::schedule);
        }
    }

    private void schedule(StoredObject pod) {
        JsonNode spec = pod.tree().path("spec");
        Map<String, Integer> reasons = new TreeMap<>();
        NodeFit best = null;
        long bestFree = -1;
        for (NodeFit node : nodes.values()) {
            String reason = misfit(node, spec, pod.extendedRequests());
            if (reason != null) {
                reasons.merge(reason, 1, Integer::sum);
                continue;
            }
            long free = freeSlices(node, pod.extendedRequests());
            if (free > bestFree) {
                best = node;
                bestFree = free;
            }
        }
        if (best == null) {
            unschedulable.put(pod.key(), true);
            String message = "0/" + nodes.size() + " nodes are available: " + reasons.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ".";
            StoredObject updated = store.update(ResourceCatalog.PODS, pod.namespace(), pod.name(), p -> {
                Binding.setCondition(p, "PodScheduled", "False", "Unschedulable", message);
                return p;
            });
            if (updated != pod) {
                events.record(updated, "Warning", "FailedScheduling", message, "default-scheduler");
            }
            return;
        }
        StoredObject bound = Binding.bind(store, pod, best.name());
        events.record(bound, "Normal", "Scheduled", "Successfully assigned " + pod.namespace() + "/" + pod.name()
                + " to " + best.name(), "default-scheduler");
    }

    /** Why the pod cannot go to the node, worded like kube-scheduler, or null when it fits. */
    private String misfit(NodeFit node, JsonNode spec, Map<String, Long> requests) {
        if (!node.ready()) {
            return "node(s) had untolerated taint {node.kubernetes.io/unreachable: }";
        }
        for (var e : spec.path("nodeSelector").properties()) {
            if (!e.getValue().asText().equals(node.labels().get(e.getKey()))) {
                return "node(s) didn't match Pod's node affinity/selector";
            }
        }
        if (node.unschedulable()) {
            return "node(s) were unschedulable";
        }
        JsonNode taint = node.untoleratedTaint(spec.path("tolerations"));
        if (taint != null) {
            return "node(s) had untolerated taint {" + taint.path("key").asText() + ": " + taint.path("value").asText("") + "}";
        }
        List<StoredObject> onNode = store.podsOnNode(node.name());
        if (onNode.size() >= node.maxPods()) {
            return "Too many pods";
        }
        for (Map.Entry<String, Long> r : requests.entrySet()) {
            if (freeOf(node, r.getKey()) < r.getValue()) {
                return "Insufficient " + r.getKey();
            }
        }
        return null;
    }

    private long freeSlices(NodeFit node, Map<String, Long> requests) {
        long free = Long.MAX_VALUE;
        for (String r : requests.keySet()) {
            free = Math.min(free, freeOf(node, r));
        }
        return free == Long.MAX_VALUE ? node.maxPods() - store.podsOnNode(node.name()).size() : free;
    }

    /** Allocatable minus what pods on the node (terminating ones too, they still hold it) request. */
    private long freeOf(NodeFit node, String resource) {
        long alloc = node.allocatable().getOrDefault(resource, 0L);
        if (alloc == 0) {
            return 0;
        }
        long taken = 0;
        for (StoredObject p : store.podsOnNode(node.name())) {
            if (!p.phase().equals("Succeeded") && !p.phase().equals("Failed")) {
                taken += p.extendedRequests().getOrDefault(resource, 0L);
            }
        }
        return alloc - taken;
    }
}

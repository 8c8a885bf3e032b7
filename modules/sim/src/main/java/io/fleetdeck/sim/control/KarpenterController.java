package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.api.DisruptionBudgets;
import io.fleetdeck.sim.api.PodTermination;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Karpenter's termination of a deleted NodeClaim: taint the node {@code karpenter.sh/disrupted:NoSchedule},
 * evict its pods through the disruption budgets (DaemonSet pods stay), then delete the Node and drop
 * the {@code karpenter.sh/termination} finalizer so the NodeClaim goes.
 */
final class KarpenterController implements Controller {
    static final String DISRUPTED_TAINT = "karpenter.sh/disrupted";
    static final String FINALIZER = "karpenter.sh/termination";
    private static final long INTERVAL_MILLIS = 500;

    private final ObjectStore store;
    private final EventRecorder events;
    private final Set<String> terminating = ConcurrentHashMap.newKeySet();
    private long lastRun;

    KarpenterController(ObjectStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        store.all(ResourceCatalog.NODECLAIMS, null).stream().filter(StoredObject::terminating)
                .forEach(c -> terminating.add(c.name()));
    }

    @Override
    public void enqueue(WatchEvent e) {
        if (e.object().type() == ResourceCatalog.NODECLAIMS && e.object().terminating()
                && !e.type().equals(WatchEvent.DELETED)) {
            terminating.add(e.object().name());
        }
    }

    @Override
    public void reconcile() {
        long now = System.currentTimeMillis();
        if (terminating.isEmpty() || now - lastRun < INTERVAL_MILLIS) {
            return;
        }
        lastRun = now;
        for (String name : List.copyOf(terminating)) {
            Optional<StoredObject> claim = store.get(ResourceCatalog.NODECLAIMS, "", name);
            if (claim.isEmpty()) {
                terminating.remove(name);
                continue;
            }
            String nodeName = claim.get().tree().path("status").path("nodeName").asText("");
            Optional<StoredObject> node = store.get(ResourceCatalog.NODES, "", nodeName);
            if (node.isEmpty() || drained(node.get())) {
                node.ifPresent(n -> {
                    store.podsOnNode(n.name()).forEach(p -> store.delete(ResourceCatalog.PODS, p.namespace(), p.name()));
                    store.delete(ResourceCatalog.NODES, "", n.name());
                });
                store.update(ResourceCatalog.NODECLAIMS, "", name, c -> {
                    JsonNode finalizers = c.path("metadata").path("finalizers");
                    if (finalizers instanceof ArrayNode list) {
                        for (int i = list.size() - 1; i >= 0; i--) {
                            if (list.get(i).asText().equals(FINALIZER)) {
                                list.remove(i);
                            }
                        }
                    }
                    return c;
                });
                terminating.remove(name);
            }
        }
    }

    /** Taints and evicts what may go now; true once only DaemonSet pods are left. */
    private boolean drained(StoredObject node) {
        if (!node.tree().path("spec").path("taints").toString().contains(DISRUPTED_TAINT)) {
            StoredObject tainted = store.update(ResourceCatalog.NODES, "", node.name(), n -> {
                ObjectNode spec = Json.with(n, "spec");
                ArrayNode taints = spec.has("taints") ? (ArrayNode) spec.get("taints") : spec.putArray("taints");
                taints.addObject().put("key", DISRUPTED_TAINT).put("effect", "NoSchedule").put("timeAdded", Json.now());
                return n;
            });
            events.record(tainted, "Normal", "DisruptionTerminating", "Disrupting Node: Deleted", "karpenter");
        }
        boolean done = true;
        for (StoredObject pod : store.podsOnNode(node.name())) {
            if (isDaemonSetPod(pod)) {
                continue;
            }
            done = false;
            if (!pod.terminating() && DisruptionBudgets.blockingBudget(store, pod) == null) {
                PodTermination.terminate(store, pod, -1);
                events.record(pod, "Normal", "Evicted", "Evicted pod: Deleted", "karpenter");
            }
        }
        return done;
    }

    private static boolean isDaemonSetPod(StoredObject pod) {
        for (JsonNode ref : pod.tree().path("metadata").path("ownerReferences")) {
            if (ref.path("kind").asText().equals("DaemonSet")) {
                return true;
            }
        }
        return false;
    }
}

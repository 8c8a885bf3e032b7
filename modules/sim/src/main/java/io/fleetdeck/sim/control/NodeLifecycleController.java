package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * What the node lifecycle controller does on cordon: {@code spec.unschedulable} gets the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint (and loses it on uncordon), with the
 * kubelet's NodeNotSchedulable / NodeSchedulable events. Deleted nodes lose their pods (pod GC).
 */
final class NodeLifecycleController implements Controller {
    static final String UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";
    private final ObjectStore store;
    private final EventRecorder events;
    private final DirtyQueue dirty = new DirtyQueue();
    private final DirtyQueue deleted = new DirtyQueue();

    NodeLifecycleController(ObjectStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        store.all(ResourceCatalog.NODES, null).forEach(n -> dirty.add(n.name()));
    }

    @Override
    public void enqueue(WatchEvent e) {
        if (e.object().type() != ResourceCatalog.NODES) {
            return;
        }
        if (e.type().equals(WatchEvent.DELETED)) {
            deleted.add(e.object().name());
        } else {
            dirty.add(e.object().name());
        }
    }

    @Override
    public void reconcile() {
        for (String node : deleted.drain(1000)) {
            for (StoredObject pod : store.podsOnNode(node)) {
                store.delete(ResourceCatalog.PODS, pod.namespace(), pod.name());
            }
        }
        for (String name : dirty.drain(1000)) {
            Optional<StoredObject> node = store.get(ResourceCatalog.NODES, "", name);
            node.ifPresent(this::syncTaint);
        }
    }

    private void syncTaint(StoredObject node) {
        JsonNode tree = node.tree();
        boolean unschedulable = tree.path("spec").path("unschedulable").asBoolean(false);
        boolean tainted = false;
        for (JsonNode t : tree.path("spec").path("taints")) {
            tainted |= t.path("key").asText().equals(UNSCHEDULABLE_TAINT);
        }
        if (unschedulable == tainted) {
            return;
        }
        StoredObject updated = store.update(ResourceCatalog.NODES, "", node.name(), n -> {
            ObjectNode spec = (ObjectNode) n.withObjectProperty("spec");
            ArrayNode taints = spec.has("taints") ? (ArrayNode) spec.get("taints") : spec.putArray("taints");
            for (int i = taints.size() - 1; i >= 0; i--) {
                if (taints.get(i).path("key").asText().equals(UNSCHEDULABLE_TAINT)) {
                    taints.remove(i);
                }
            }
            if (spec.path("unschedulable").asBoolean(false)) {
                taints.addObject().put("key", UNSCHEDULABLE_TAINT).put("effect", "NoSchedule")
                        .put("timeAdded", io.fleetdeck.sim.store.Json.timestamp(Instant.now()));
            }
            if (taints.isEmpty()) {
                spec.remove("taints");
            }
            return n;
        });
        String status = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
        events.record(updated, "Normal", status, "Node " + node.name() + " status is now: " + status, "kubelet");
    }
}

package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.util.ArrayDeque;

/** Writes core/v1 Events like the real components do, keeping only the newest {@code limit} of them. */
public final class EventRecorder {
    private final ObjectStore store;
    private final int limit;
    private final ArrayDeque<String[]> recorded = new ArrayDeque<>();
    private long counter;

    public EventRecorder(ObjectStore store, int limit) {
        this.store = store;
        this.limit = limit;
    }

    public synchronized void record(StoredObject involved, String type, String reason, String message, String component) {
        String namespace = involved.namespace().isEmpty() ? "default" : involved.namespace();
        String name = involved.name() + "." + Long.toHexString(System.nanoTime()) + Long.toHexString(counter++);
        String now = Json.now();
        ObjectNode e = Json.object();
        e.put("apiVersion", "v1").put("kind", "Event");
        e.putObject("metadata").put("name", name).put("namespace", namespace);
        e.putObject("involvedObject").put("kind", involved.type().kind()).put("apiVersion", involved.type().groupVersion())
                .put("name", involved.name()).put("namespace", involved.namespace()).put("uid", involved.uid())
                .put("resourceVersion", Long.toString(involved.resourceVersion()));
        e.put("type", type).put("reason", reason).put("message", message).put("count", 1)
                .put("firstTimestamp", now).put("lastTimestamp", now).put("reportingComponent", component)
                .put("reportingInstance", component);
        e.putObject("source").put("component", component);
        store.create(ResourceCatalog.EVENTS, e);
        recorded.addLast(new String[] {namespace, name});
        while (recorded.size() > limit) {
            String[] old = recorded.removeFirst();
            store.delete(ResourceCatalog.EVENTS, old[0], old[1]);
        }
    }
}

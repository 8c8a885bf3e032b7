package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.api.DisruptionBudgets;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.util.List;

/**
 * Keeps PodDisruptionBudget status (disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods)
 * current, at most twice a second per namespace with changes, as drain planners read it.
 */
final class DisruptionBudgetController implements Controller {
    private static final long MIN_INTERVAL_MILLIS = 500;
    private final ObjectStore store;
    private final DirtyQueue namespaces = new DirtyQueue();
    private long lastRun;

    DisruptionBudgetController(ObjectStore store) {
        this.store = store;
        store.all(ResourceCatalog.PDBS, null).forEach(p -> namespaces.add(p.namespace()));
    }

    @Override
    public void enqueue(WatchEvent e) {
        StoredObject o = e.object();
        if (o.type() == ResourceCatalog.PODS || o.type() == ResourceCatalog.PDBS || o.type() == ResourceCatalog.REPLICASETS) {
            namespaces.add(o.namespace());
        }
    }

    @Override
    public void reconcile() {
        long now = System.currentTimeMillis();
        if (now - lastRun < MIN_INTERVAL_MILLIS || namespaces.isEmpty()) {
            return;
        }
        lastRun = now;
        for (String ns : namespaces.drain(Integer.MAX_VALUE)) {
            for (StoredObject pdb : List.copyOf(store.all(ResourceCatalog.PDBS, ns))) {
                DisruptionBudgets.Budget b = DisruptionBudgets.budget(store, pdb);
                if (b == null) {
                    continue;
                }
                int allowed = Math.max(0, b.disruptionsAllowed());
                store.update(ResourceCatalog.PDBS, ns, pdb.name(), p -> {
                    ObjectNode st = Json.with(p, "status");
                    st.put("observedGeneration", p.path("metadata").path("generation").asLong(1))
                            .put("disruptionsAllowed", allowed).put("currentHealthy", b.currentHealthy())
                            .put("desiredHealthy", b.desiredHealthy()).put("expectedPods", b.expectedPods());
                    String status = allowed > 0 ? "True" : "False";
                    var conditions = st.putArray("conditions");
                    conditions.addObject().put("type", "DisruptionAllowed").put("status", status)
                            .put("reason", allowed > 0 ? "SufficientPods" : "InsufficientPods").put("message", "")
                            .put("observedGeneration", p.path("metadata").path("generation").asLong(1))
                            .put("lastTransitionTime", transitionTime(pdb, status));
                    return p;
                });
            }
        }
    }

    /** Keeps the previous transition time while the condition's status stays the same. */
    private static String transitionTime(StoredObject pdb, String status) {
        var previous = pdb.tree().path("status").path("conditions").path(0);
        return previous.path("status").asText().equals(status) ? previous.path("lastTransitionTime").asText(Json.now())
                : Json.now();
    }
}

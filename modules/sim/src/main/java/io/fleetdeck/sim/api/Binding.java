package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;

/** Sets a pod's node and its PodScheduled condition, as a Binding does; a bound pod cannot be re-bound. */
public final class Binding {
    private Binding() {
    }

    public static StoredObject bind(ObjectStore store, StoredObject pod, String node) {
        return store.update(ResourceCatalog.PODS, pod.namespace(), pod.name(), p -> {
            if (!Json.text(p, "spec", "nodeName").isEmpty()) {
                throw new ApiException(409, "Conflict", "pod " + pod.name() + " is already assigned to node \""
                        + Json.text(p, "spec", "nodeName") + "\"");
            }
            Json.with(p, "spec").put("nodeName", node);
            setCondition(p, "PodScheduled", "True", null, null);
            return p;
        });
    }

    /** Replaces (or adds) a condition of the pod's status; the transition time moves only when the status does. */
    public static void setCondition(ObjectNode pod, String type, String status, String reason, String message) {
        ObjectNode st = Json.with(pod, "status");
        ArrayNode conditions = st.has("conditions") && st.get("conditions").isArray()
                ? (ArrayNode) st.get("conditions") : st.putArray("conditions");
        for (int i = 0; i < conditions.size(); i++) {
            ObjectNode c = (ObjectNode) conditions.get(i);
            if (c.path("type").asText().equals(type)) {
                if (!c.path("status").asText().equals(status)) {
                    c.put("lastTransitionTime", Json.now());
                }
                fill(c, status, reason, message);
                return;
            }
        }
        ObjectNode c = conditions.addObject();
        c.put("type", type).put("lastProbeTime", (String) null).put("lastTransitionTime", Json.now());
        fill(c, status, reason, message);
    }

    private static void fill(ObjectNode c, String status, String reason, String message) {
        c.put("status", status);
        if (reason == null) {
            c.remove("reason");
            c.remove("message");
        } else {
            c.put("reason", reason).put("message", message);
        }
    }
}

package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;

/** The API server's defaulting on create, for the fields the controllers and clients rely on. */
final class Defaults {
    private Defaults() {
    }

    static void apply(ResourceType type, ObjectNode obj) {
        if (type == ResourceCatalog.PODS) {
            ObjectNode spec = Json.with(obj, "spec");
            putIfAbsent(spec, "restartPolicy", "Always");
            putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
            putIfAbsent(spec, "schedulerName", "default-scheduler");
            putIfAbsent(spec, "serviceAccountName", "default");
            if (!spec.has("terminationGracePeriodSeconds")) {
                spec.put("terminationGracePeriodSeconds", 30);
            }
            ObjectNode status = Json.with(obj, "status");
            putIfAbsent(status, "phase", "Pending");
            putIfAbsent(status, "qosClass", "BestEffort");
        } else if (type == ResourceCatalog.DEPLOYMENTS || type == ResourceCatalog.REPLICASETS) {
            ObjectNode spec = Json.with(obj, "spec");
            if (!spec.has("replicas")) {
                spec.put("replicas", 1);
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field) || node.get(field).asText().isEmpty()) {
            node.put(field, value);
        }
    }
}

package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.Selector;
import io.fleetdeck.sim.store.StoredObject;
import java.util.HashMap;
import java.util.Map;

/**
 * policy/v1 Eviction: refused with 429 while a PodDisruptionBudget covering the pod allows no
 * disruption, otherwise a graceful delete.
 */
final class EvictionHandler {
    private final ObjectStore store;

    EvictionHandler(ObjectStore store) {
        this.store = store;
    }

    MockResponse evict(ApiRequest r) {
        StoredObject pod = store.require(ResourceCatalog.PODS, r.namespace(), r.name());
        if (pod.terminating()) {
            return Responses.success(201);
        }
        var blocking = DisruptionBudgets.blockingBudget(store, pod);
        if (blocking != null) {
            return refused(blocking.pdbName(), blocking);
        }
        long grace = -1;
        String body = r.body();
        if (body != null && !body.isBlank()) {
            grace = Json.parseAny(body).path("deleteOptions").path("gracePeriodSeconds").asLong(-1);
        }
        PodTermination.terminate(store, pod, grace);
        return Responses.success(201);
    }

    private static MockResponse refused(String pdbName, DisruptionBudgets.Budget b) {
        ObjectNode status = Responses.statusBody("Failure", 429, "TooManyRequests",
                "Cannot evict pod as it would violate the pod's disruption budget.");
        status.putObject("details").putArray("causes").addObject().put("reason", "DisruptionBudget")
                .put("message", "The disruption budget " + pdbName + " needs " + b.desiredHealthy() + " healthy pods and has "
                        + b.currentHealthy() + " currently");
        return Responses.json(429, status);
    }



}

package io.fleetdeck.sim.api;

import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;

/**
 * Graceful pod deletion as the API server does it: a pod on a node is only marked (deletionTimestamp)
 * and the kubelet removes it after the grace period; an unbound pod or grace 0 goes at once.
 */
public final class PodTermination {
    private PodTermination() {
    }

    public static StoredObject terminate(ObjectStore store, StoredObject pod, long graceSeconds) {
        if (pod.nodeName().isEmpty() || graceSeconds == 0) {
            return store.delete(ResourceCatalog.PODS, pod.namespace(), pod.name()).orElse(pod);
        }
        if (pod.terminating()) {
            return pod;
        }
        return store.update(ResourceCatalog.PODS, pod.namespace(), pod.name(), p -> {
            long grace = graceSeconds >= 0 ? graceSeconds : p.path("spec").path("terminationGracePeriodSeconds").asLong(30);
            Json.with(p, "metadata").put("deletionTimestamp", Json.timestamp(Instant.now().plusSeconds(grace)))
                    .put("deletionGracePeriodSeconds", grace);
            return p;
        });
    }
}

package io.fleetdeck.core.store;

import io.fleetdeck.core.model.PodInfo;

import java.util.HashMap;
import java.util.Map;

/** Running totals of what the pods bound to one node hold; updated per pod change, never rescanned. */
final class NodeLoad {
    int pods;
    int sessions;
    final Map<String, Long> requested = new HashMap<>(4);
    /** Requests of terminating pods: still held (the scheduler counts them) but about to be freed. */
    final Map<String, Long> reserved = new HashMap<>(2);

    void add(PodInfo pod, int sign) {
        if (!pod.holdsResources()) {
            return;
        }
        pods += sign;
        if (pod.isSession()) {
            sessions += sign;
        }
        for (var e : pod.acceleratorRequests().entrySet()) {
            requested.merge(e.getKey(), sign * e.getValue(), Long::sum);
            if (pod.terminating()) {
                reserved.merge(e.getKey(), sign * e.getValue(), Long::sum);
            }
        }
    }

    long requested(String resource) {
        return resource == null ? 0 : requested.getOrDefault(resource, 0L);
    }

    long reserved(String resource) {
        return resource == null ? 0 : reserved.getOrDefault(resource, 0L);
    }
}

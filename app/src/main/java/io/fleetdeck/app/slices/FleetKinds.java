package io.fleetdeck.app.slices;

import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.model.NodeSummary;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The instance types and GPU products the fleet's nodes have, counted per node update so a pulse costs
 * O(changed nodes); the settings panel offers a row for each one that is not configured.
 */
final class FleetKinds {
    private final Map<String, Integer> instanceTypes = new HashMap<>();
    private final Map<String, Integer> products = new HashMap<>();
    /** A kind appeared or went: only then do the settings rows change. */
    private boolean changed;

    /** A node's summary replaced another (either may be null: a node added or removed). */
    void replace(NodeSummary old, NodeSummary now) {
        if (old != null) {
            count(instanceTypes, instanceType(old), -1);
            count(products, product(old), -1);
        }
        if (now != null) {
            count(instanceTypes, instanceType(now), 1);
            count(products, product(now), 1);
        }
    }

    void clear() {
        changed |= !instanceTypes.isEmpty() || !products.isEmpty();
        instanceTypes.clear();
        products.clear();
    }

    /** Whether a kind appeared or went since the last call. */
    boolean takeChanged() {
        boolean c = changed;
        changed = false;
        return c;
    }

    Set<String> instanceTypes() {
        return Set.copyOf(instanceTypes.keySet());
    }

    Set<String> products() {
        return Set.copyOf(products.keySet());
    }

    private static String instanceType(NodeSummary s) {
        String type = s.node().instanceType();
        return type == null || type.isBlank() ? null : type;
    }

    /** The GPU product without the {@code -SHARED} suffix time-slicing adds; null for a node without a GPU. */
    private static String product(NodeSummary s) {
        if (!s.hasGpu() || s.gpuProduct().isEmpty()) {
            return null;
        }
        String p = Grouping.PRODUCT.keyOf(s);
        return Grouping.NONE.equals(p) ? null : p;
    }

    private void count(Map<String, Integer> counts, String key, int delta) {
        if (key == null) {
            return;
        }
        int n = counts.getOrDefault(key, 0) + delta;
        if (n <= 0) {
            changed |= counts.remove(key) != null;
        } else {
            changed |= counts.put(key, n) == null;
        }
    }
}

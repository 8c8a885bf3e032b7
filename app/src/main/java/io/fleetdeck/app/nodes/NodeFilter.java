package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.NodeSummary;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The search box's rule: every space-separated term must appear in the node's name, state, instance type,
 * zone, arch, pool, capacity type, OS image or accelerators. Case does not matter.
 */
public final class NodeFilter {
    private NodeFilter() {
    }

    static String searchText(NodeSummary s) {
        var n = s.node();
        return String.join(" ", n.name(), s.state().label(), s.state().name(), n.instanceType(), n.zone(), n.arch(), n.nodePool(),
                n.capacityType(), String.valueOf(n.osImage()), String.valueOf(n.kernelVersion()),
                s.acceleratorText(), s.osUpdate(), s.driverProblem().isEmpty() ? "" : "driver-problem")
                .toLowerCase(Locale.ROOT);
    }

    public static Predicate<NodeRow> of(String query) {
        if (query == null || query.isBlank()) {
            return r -> true;
        }
        String[] terms = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return row -> Arrays.stream(terms).allMatch(row.searchText()::contains);
    }
}

package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.sim.store.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scheduler's view of a node: what it allows and what it offers, parsed once per node change. */
record NodeFit(String name, Map<String, String> labels, Map<String, Long> allocatable, long maxPods,
               boolean unschedulable, boolean ready, List<JsonNode> noScheduleTaints) {

    static NodeFit of(StoredObject node) {
        JsonNode tree = node.tree();
        Map<String, Long> alloc = new HashMap<>();
        tree.path("status").path("allocatable").properties().forEach(e -> {
            if (e.getKey().contains("/")) {
                alloc.put(e.getKey(), parse(e.getValue().asText()));
            }
        });
        boolean ready = false;
        for (JsonNode c : tree.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                ready = c.path("status").asText().equals("True");
            }
        }
        List<JsonNode> taints = new ArrayList<>();
        for (JsonNode t : tree.path("spec").path("taints")) {
            if (!t.path("effect").asText().equals("PreferNoSchedule")) {
                taints.add(t);
            }
        }
        return new NodeFit(node.name(), node.labels(), alloc,
                parse(tree.path("status").path("allocatable").path("pods").asText("110")),
                tree.path("spec").path("unschedulable").asBoolean(false), ready, taints);
    }

    /** The first taint the pod does not tolerate, or null. */
    JsonNode untoleratedTaint(JsonNode tolerations) {
        for (JsonNode taint : noScheduleTaints) {
            boolean tolerated = false;
            for (JsonNode tol : tolerations) {
                String key = tol.path("key").asText("");
                String effect = tol.path("effect").asText("");
                boolean keyMatches = key.isEmpty() || key.equals(taint.path("key").asText());
                boolean valueMatches = tol.path("operator").asText("Equal").equals("Exists")
                        || tol.path("value").asText("").equals(taint.path("value").asText(""));
                boolean effectMatches = effect.isEmpty() || effect.equals(taint.path("effect").asText());
                tolerated |= keyMatches && valueMatches && effectMatches;
            }
            if (!tolerated) {
                return taint;
            }
        }
        return null;
    }

    private static long parse(String quantity) {
        try {
            return Long.parseLong(quantity.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.Selector;
import io.fleetdeck.sim.store.StoredObject;
import java.util.HashMap;
import java.util.Map;

/** PodDisruptionBudget arithmetic as the disruption controller does it, shared by eviction and PDB status. */
public final class DisruptionBudgets {
    private DisruptionBudgets() {
    }

    /** The budget as the disruption controller would compute it now, or null for a selector we don't model. */
    public static Budget budget(ObjectStore store, StoredObject pdb) {
        JsonNode spec = pdb.tree().path("spec");
        Map<String, String> selector = new HashMap<>();
        spec.path("selector").path("matchLabels").properties().forEach(e -> selector.put(e.getKey(), e.getValue().asText()));
        if (selector.isEmpty()) {
            return null;
        }
        // Like the disruption controller: expected pods come from the controllers' scale (a pod being
        // replaced still counts), bare pods count themselves; terminating pods are never healthy.
        Map<String, Integer> scaleByUid = new HashMap<>();
        for (StoredObject rs : store.all(ResourceCatalog.REPLICASETS, pdb.namespace())) {
            scaleByUid.put(rs.uid(), rs.tree().path("spec").path("replicas").asInt(0));
        }
        Map<String, Integer> controllers = new HashMap<>();
        int expected = 0;
        int healthy = 0;
        for (StoredObject p : store.all(ResourceCatalog.PODS, pdb.namespace())) {
            if (!Selector.matchesLabels(selector, p.labels())) {
                continue;
            }
            Integer scale = scaleByUid.get(p.controllerUid());
            if (scale != null) {
                controllers.put(p.controllerUid(), scale);
            } else {
                expected++;
            }
            if (isHealthy(p)) {
                healthy++;
            }
        }
        expected += controllers.values().stream().mapToInt(Integer::intValue).sum();
        int desired;
        if (spec.has("minAvailable")) {
            desired = scaled(spec.get("minAvailable"), expected);
        } else if (spec.has("maxUnavailable")) {
            desired = expected - scaled(spec.get("maxUnavailable"), expected);
        } else {
            desired = 0;
        }
        return new Budget(pdb.name(), selector, expected, healthy, Math.max(0, desired));
    }

    /** An int or a percentage of {@code total}, percentages rounded up like intstr.GetScaledValueFromIntOrPercent. */
    private static int scaled(JsonNode value, int total) {
        String s = value.asText();
        if (s.endsWith("%")) {
            int pct = Integer.parseInt(s.substring(0, s.length() - 1));
            return (int) Math.ceil(total * pct / 100.0);
        }
        return value.asInt();
    }

    /** The budget an eviction of this pod would violate now, or null when it may go. */
    public static Budget blockingBudget(ObjectStore store, StoredObject pod) {
        if (!isHealthy(pod)) {
            return null;
        }
        for (StoredObject pdb : store.all(ResourceCatalog.PDBS, pod.namespace())) {
            Budget budget = budget(store, pdb);
            if (budget != null && budget.covers(pod) && budget.disruptionsAllowed() <= 0) {
                return budget;
            }
        }
        return null;
    }

    public static boolean isHealthy(StoredObject pod) {
        return pod.phase().equals("Running") && !pod.terminating();
    }

    public record Budget(String pdbName, Map<String, String> selector, int expectedPods, int currentHealthy, int desiredHealthy) {
        public boolean covers(StoredObject pod) {
            return Selector.matchesLabels(selector, pod.labels());
        }

        public int disruptionsAllowed() {
            return currentHealthy - desiredHealthy;
        }
    }}

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
    if (isHealthy(pod)) {
      for (StoredObject pdb : store.all(ResourceCatalog.PDBS, pod.namespace())) {
        Budget budget = budget(pdb);
        if (budget != null && budget.covers(pod) && budget.disruptionsAllowed() <= 0) {
          return refused(pdb.name(), budget);
        }
      }
    }
    long grace = -1;
    String body = r.body();
    if (body != null && !body.isBlank()) {
      grace = Json.parseAny(body).path("deleteOptions").path("gracePeriodSeconds").asLong(-1);
    }
    PodTermination.terminate(store, pod, grace);
    return Responses.success(201);
  }

  private static MockResponse refused(String pdbName, Budget b) {
    ObjectNode status = Responses.statusBody("Failure", 429, "TooManyRequests",
        "Cannot evict pod as it would violate the pod's disruption budget.");
    status.putObject("details").putArray("causes").addObject().put("reason", "DisruptionBudget")
        .put("message", "The disruption budget " + pdbName + " needs " + b.desiredHealthy() + " healthy pods and has "
            + b.currentHealthy() + " currently");
    return Responses.json(429, status);
  }

  /** The budget as the disruption controller would compute it now, or null for a selector we don't model. */
  Budget budget(StoredObject pdb) {
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
    return new Budget(selector, expected, healthy, Math.max(0, desired));
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

  private static boolean isHealthy(StoredObject pod) {
    return pod.phase().equals("Running") && !pod.terminating();
  }

  record Budget(Map<String, String> selector, int expectedPods, int currentHealthy, int desiredHealthy) {
    boolean covers(StoredObject pod) {
      return Selector.matchesLabels(selector, pod.labels());
    }

    int disruptionsAllowed() {
      return currentHealthy - desiredHealthy;
    }
  }
}

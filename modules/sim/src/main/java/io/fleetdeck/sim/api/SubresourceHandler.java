package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.util.Map;
import java.util.stream.Collectors;

/** The scale subresource of workloads, pod bindings and self-subject access reviews. */
final class SubresourceHandler {
    private final ObjectStore store;

    SubresourceHandler(ObjectStore store) {
        this.store = store;
    }

    MockResponse getScale(ApiRequest r) {
        return Responses.json(200, scale(store.require(r.type(), r.namespace(), r.name())));
    }

    /** PUT or PATCH of a Scale changes only spec.replicas of the workload; a stale resourceVersion is a 409. */
    MockResponse updateScale(ApiRequest r) {
        StoredObject workload = store.require(r.type(), r.namespace(), r.name());
        ObjectNode current = scale(workload);
        ObjectNode desired;
        if (r.method().equals("PUT")) {
            desired = Json.parse(r.body());
            String rv = Json.text(desired, "metadata", "resourceVersion");
            if (!rv.isEmpty() && !rv.equals(Long.toString(workload.resourceVersion()))) {
                throw ApiException.conflict(r.type(), r.name());
            }
        } else {
            desired = Patches.apply(r.contentType(), current.deepCopy(), r.body());
        }
        JsonNode replicas = desired.path("spec").path("replicas");
        if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
            throw new ApiException(422, "Invalid", "Scale.autoscaling \"" + r.name() + "\" is invalid: spec.replicas");
        }
        StoredObject updated = store.update(r.type(), r.namespace(), r.name(), w -> {
            Json.with(w, "spec").put("replicas", replicas.asInt());
            return w;
        });
        return Responses.json(200, scale(updated));
    }

    private static ObjectNode scale(StoredObject workload) {
        JsonNode tree = workload.tree();
        ObjectNode s = Json.object();
        s.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        meta.put("name", workload.name()).put("namespace", workload.namespace()).put("uid", workload.uid())
                .put("resourceVersion", Long.toString(workload.resourceVersion()))
                .set("creationTimestamp", tree.path("metadata").path("creationTimestamp"));
        s.putObject("spec").put("replicas", tree.path("spec").path("replicas").asInt(1));
        Map<String, String> labels = Json.MAPPER.convertValue(tree.path("spec").path("selector").path("matchLabels"),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        String selector = labels == null ? "" : labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(","));
        s.putObject("status").put("replicas", tree.path("status").path("replicas").asInt(0)).put("selector", selector);
        return s;
    }

    /** What the scheduler posts: binds an unbound pod to a node. */
    MockResponse bind(ApiRequest r) {
        String node = Json.parse(r.body()).path("target").path("name").asText("");
        if (node.isEmpty()) {
            throw ApiException.badRequest("binding target name is required");
        }
        Binding.bind(store, store.require(ResourceCatalog.PODS, r.namespace(), r.name()), node);
        return Responses.success(201);
    }

    MockResponse accessReview(ApiRequest r) {
        ObjectNode review = Json.parse(r.body());
        review.put("kind", "SelfSubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
        Json.with(review, "metadata").put("creationTimestamp", Json.now());
        review.putObject("status").put("allowed", true).put("reason", "the FleetDeck demo fleet allows every request");
        return Responses.json(201, review);
    }
}

package io.fleetdeck.sim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable stored object: its serialized JSON plus the few fields the indexes, selectors and
 * controllers read, so nothing has to be parsed again to filter or count.
 */
public record StoredObject(ResourceType type, String namespace, String name, String uid, long resourceVersion,
                           byte[] json, Map<String, String> labels, String nodeName, String phase,
                           boolean terminating, String controllerUid, Map<String, Long> extendedRequests) {

    public String key() {
        return key(namespace, name);
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    public ObjectNode tree() {
        return Json.parse(json);
    }

    static StoredObject of(ResourceType type, ObjectNode obj, long rv) {
        JsonNode meta = obj.path("metadata");
        Map<String, String> labels = new HashMap<>();
        meta.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        String controllerUid = "";
        for (JsonNode ref : meta.path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                controllerUid = ref.path("uid").asText();
            }
        }
        Map<String, Long> requests = Map.of();
        if (type == ResourceCatalog.PODS) {
            requests = extendedRequests(obj);
        }
        return new StoredObject(type, meta.path("namespace").asText(""), meta.path("name").asText(),
                meta.path("uid").asText(), rv, Json.bytes(obj), Map.copyOf(labels), Json.text(obj, "spec", "nodeName"),
                Json.text(obj, "status", "phase"), meta.has("deletionTimestamp"), controllerUid, requests);
    }

    /** Requests of extended resources (names with a '/', e.g. nvidia.com/gpu), summed over containers. */
    private static Map<String, Long> extendedRequests(ObjectNode pod) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode c : pod.path("spec").path("containers")) {
            c.path("resources").path("requests").properties().forEach(e -> {
                if (e.getKey().contains("/")) {
                    out.merge(e.getKey(), parseCount(e.getValue().asText()), Long::sum);
                }
            });
        }
        return Map.copyOf(out);
    }

    private static long parseCount(String quantity) {
        try {
            return Long.parseLong(quantity.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

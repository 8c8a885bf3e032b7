package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The PATCH types clients send: JSON patch, JSON merge patch and (for the fields kubectl touches) strategic merge. */
final class Patches {
    private Patches() {
    }

    static ObjectNode apply(String contentType, ObjectNode target, String body) {
        String ct = contentType.toLowerCase();
        JsonNode patch = Json.parseAny(body);
        if (ct.startsWith("application/json-patch+json")) {
            try {
                JsonNode result = JsonPatch.apply(patch, target);
                if (!(result instanceof ObjectNode o)) {
                    throw ApiException.badRequest("patch did not produce an object");
                }
                return o;
            } catch (RuntimeException e) {
                if (e instanceof ApiException a) {
                    throw a;
                }
                throw new ApiException(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage());
            }
        }
        if (ct.startsWith("application/merge-patch+json")) {
            return (ObjectNode) merge(target, patch, false);
        }
        if (ct.startsWith("application/strategic-merge-patch+json")) {
            // cordon, label, annotate and scale send maps and scalars, where strategic merge equals merge patch;
            // the $-directives only steer list merging, which those fields don't use.
            return (ObjectNode) merge(target, patch, true);
        }
        throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/strategic-merge-patch+json");
    }

    /** RFC 7386: objects merge recursively, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch, boolean dropDirectives) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        for (Map.Entry<String, JsonNode> e : fields) {
            if (dropDirectives && e.getKey().startsWith("$")) {
                continue;
            }
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue(), dropDirectives));
            }
        }
        return result;
    }
}

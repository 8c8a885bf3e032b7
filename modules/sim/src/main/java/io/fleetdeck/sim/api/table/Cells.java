package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readers shared by the printers. */
final class Cells {
    static final String NONE = "<none>";

    private Cells() {
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String age(JsonNode o, Instant now) {
        return Ages.since(o.path("metadata").path("creationTimestamp").asText(""), now);
    }

    /** Text at a path; "" when absent or null. */
    static String text(JsonNode o, String... path) {
        JsonNode n = at(o, path);
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    static long number(JsonNode o, String... path) {
        return at(o, path).asLong(0);
    }

    static JsonNode at(JsonNode o, String... path) {
        JsonNode n = o;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    static String orNone(String s) {
        return s.isEmpty() ? NONE : s;
    }

    /** The status of the condition of that type, "" when there is none. */
    static String condition(JsonNode conditions, String type) {
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                return c.path("status").asText();
            }
        }
        return "";
    }

    /** Container names and images of a pod spec, each joined with commas. */
    static String containerNames(JsonNode podSpec) {
        List<String> out = new ArrayList<>();
        podSpec.path("containers").forEach(c -> out.add(c.path("name").asText()));
        return String.join(",", out);
    }

    static String containerImages(JsonNode podSpec) {
        List<String> out = new ArrayList<>();
        podSpec.path("containers").forEach(c -> out.add(c.path("image").asText()));
        return String.join(",", out);
    }

    /** A label map as {@code k=v,k2=v2} sorted by key, {@code <none>} when empty. */
    static String labels(JsonNode map) {
        Map<String, String> sorted = new TreeMap<>();
        map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> out = new ArrayList<>();
        sorted.forEach((k, v) -> out.add(k + "=" + v));
        return out.isEmpty() ? NONE : String.join(",", out);
    }

    /** A LabelSelector in the API's string form, requirements sorted by key; "" selects everything. */
    static String selector(JsonNode selector) {
        TreeMap<String, List<String>> byKey = new TreeMap<>();
        selector.path("matchLabels").properties()
                .forEach(e -> byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            values.sort(null);
            String term = switch (expr.path("operator").asText()) {
                case "In" -> key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> null;
            };
            if (term == null) {
                return "<invalid>";
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(term);
        }
        List<String> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        return String.join(",", out);
    }
}

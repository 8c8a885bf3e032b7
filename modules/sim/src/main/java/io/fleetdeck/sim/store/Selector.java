package io.fleetdeck.sim.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Label and field selectors as the API server parses them, compiled to a predicate on stored objects. */
public final class Selector {

    private Selector() {
    }

    public static Predicate<StoredObject> of(String labelSelector, String fieldSelector) {
        Predicate<StoredObject> p = o -> true;
        for (String req : splitTopLevel(labelSelector)) {
            p = p.and(labelRequirement(req));
        }
        for (String req : splitTopLevel(fieldSelector)) {
            p = p.and(fieldRequirement(req));
        }
        return p;
    }

    public static boolean matchesLabels(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<StoredObject> labelRequirement(String req) {
        String r = req.trim();
        String[] words = r.split("\\s+", 3);
        if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
            Set<String> values = Set.copyOf(splitTopLevel(words[2].replaceAll("[()]", "")).stream()
                    .map(String::trim).toList());
            String key = words[0];
            return words[1].equals("in")
                    ? o -> values.contains(o.labels().get(key))
                    : o -> !values.contains(o.labels().get(key));
        }
        if (r.startsWith("!")) {
            String key = r.substring(1).trim();
            return o -> !o.labels().containsKey(key);
        }
        String[] kv = splitOperator(r);
        if (kv == null) {
            return o -> o.labels().containsKey(r);
        }
        String key = kv[0];
        String value = kv[2];
        return kv[1].equals("!=")
                ? o -> !value.equals(o.labels().get(key))
                : o -> value.equals(o.labels().get(key));
    }

    private static Predicate<StoredObject> fieldRequirement(String req) {
        String[] kv = splitOperator(req.trim());
        if (kv == null) {
            throw ApiException.badRequest("invalid field selector: " + req);
        }
        String field = kv[0];
        String value = kv[2];
        Predicate<StoredObject> eq = switch (field) {
            case "metadata.name" -> o -> o.name().equals(value);
            case "metadata.namespace" -> o -> o.namespace().equals(value);
            case "spec.nodeName" -> o -> o.nodeName().equals(value);
            case "status.phase" -> o -> o.phase().equals(value);
            default -> o -> value.equals(pathText(o, field));
        };
        return kv[1].equals("!=") ? eq.negate() : eq;
    }

    /** Fields outside the indexed ones (e.g. involvedObject.name on events) are read from the JSON. */
    private static String pathText(StoredObject o, String dotted) {
        JsonNode n = o.tree();
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    private static String[] splitOperator(String r) {
        for (String op : List.of("!=", "==", "=")) {
            int i = r.indexOf(op);
            if (i > 0) {
                return new String[] {r.substring(0, i).trim(), op, r.substring(i + op.length()).trim()};
            }
        }
        return null;
    }

    /** Splits on commas outside parentheses, so "a in (x,y),b" is two requirements. */
    /** X when the field selector requires {@code spec.nodeName=X} (so the pods-by-node index can answer it), else null. */
    static String nodeNameEquality(String fieldSelector) {
        if (fieldSelector == null) {
            return null;
        }
        for (String term : splitTopLevel(fieldSelector)) {
            String t = term.trim();
            if (t.startsWith("spec.nodeName=") && !t.startsWith("spec.nodeName!=")) {
                return t.substring(t.lastIndexOf('=') + 1).trim();
            }
        }
        return null;
    }

    static List<String> splitTopLevel(String selector) {
        List<String> out = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return out;
        }
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out.stream().filter(s -> !s.isBlank()).toList();
    }
}

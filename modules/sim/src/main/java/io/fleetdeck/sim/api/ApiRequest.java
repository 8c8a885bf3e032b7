package io.fleetdeck.sim.api;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fleetdeck.sim.api.table.TableFormat;
import io.fleetdeck.sim.store.ResourceType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A request to a resource path, split into type, namespace, name and subresource, with its query. */
record ApiRequest(RecordedRequest raw, String method, ResourceType type, String namespace, String name,
                  String subresource, Map<String, String> query) {

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    String param(String key) {
        return query.getOrDefault(key, "");
    }

    boolean flag(String key) {
        String v = query.get(key);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    int intParam(String key, int dflt) {
        String v = query.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    String body() {
        return raw.getUtf8Body();
    }

    String contentType() {
        String ct = raw.getHeader("Content-Type");
        return ct == null ? "" : ct;
    }

    /** Present when the client asked for a server-side Table (kubectl's human-readable output). */
    Optional<TableFormat> table() {
        return TableFormat.negotiate(raw.getHeader("Accept"), query.get("includeObject"));
    }

    boolean isWebSocket() {
        String upgrade = raw.getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}

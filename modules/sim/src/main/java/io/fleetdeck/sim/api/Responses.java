package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ListPage;
import io.fleetdeck.sim.store.ResourceType;
import io.fleetdeck.sim.store.StoredObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds HTTP responses the way the API server shapes them: JSON bodies, Status objects on failure. */
final class Responses {
    static final String JSON = "application/json";

    private Responses() {
    }

    static MockResponse json(int code, byte[] body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", JSON).setBody(body);
    }

    static MockResponse json(int code, JsonNode body) {
        return json(code, Json.bytes(body));
    }

    static MockResponse text(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(body);
    }

    static ObjectNode statusBody(String status, int code, String reason, String message) {
        ObjectNode s = Json.object();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", status);
        if (message != null) {
            s.put("message", message);
        }
        if (reason != null) {
            s.put("reason", reason);
        }
        s.put("code", code);
        return s;
    }

    static MockResponse success(int code) {
        return json(code, statusBody("Success", code, null, null));
    }

    static MockResponse failure(ApiException e, ResourceType type, String name) {
        ObjectNode s = statusBody("Failure", e.code(), e.reason(), e.getMessage());
        if (type != null) {
            ObjectNode details = s.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            if (!type.group().isEmpty()) {
                details.put("group", type.group());
            }
            details.put("kind", type.plural());
        }
        return json(e.code(), s);
    }

    /** A list response assembled from stored bytes, without parsing the items. */
    static MockResponse list(ResourceType type, ListPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + page.items().size() * 2048);
        write(out, "{\"kind\":\"" + type.listKind() + "\",\"apiVersion\":\"" + type.groupVersion()
                + "\",\"metadata\":{\"resourceVersion\":\"" + page.resourceVersion() + "\"");
        if (!page.continueToken().isEmpty()) {
            write(out, ",\"continue\":\"" + page.continueToken() + "\"");
        }
        write(out, "},\"items\":[");
        boolean first = true;
        for (StoredObject o : page.items()) {
            if (!first) {
                out.write(',');
            }
            out.writeBytes(o.json());
            first = false;
        }
        write(out, "]}");
        return json(200, out.toByteArray());
    }

    static byte[] watchFrame(String type, byte[] object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 32);
        write(out, "{\"type\":\"" + type + "\",\"object\":");
        out.writeBytes(object);
        out.write('}');
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}

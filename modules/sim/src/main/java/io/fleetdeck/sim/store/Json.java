package io.fleetdeck.sim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Shared JSON helpers: one mapper, tree access that tolerates missing paths. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (!(node instanceof ObjectNode o)) {
                throw ApiException.badRequest("expected a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getMessage());
        }
    }

    public static ObjectNode parse(String text) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static JsonNode parseAny(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getMessage());
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at {@code field} of {@code parent}, created when absent. */
    public static ObjectNode with(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    public static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return "";
            }
            n = n.get(p);
        }
        return n == null || n.isNull() ? "" : n.asText();
    }

    public static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String now() {
        return timestamp(Instant.now());
    }
}

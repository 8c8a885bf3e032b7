package io.fleetdeck.sim.api.table;

import io.fleetdeck.sim.store.ApiException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a client asked for when it asked for a Table: which {@code meta.k8s.io} version, and what each row
 * carries as its object ({@code includeObject}: None, Metadata, the default, or Object).
 */
public record TableFormat(String version, Include include) {

    public enum Include { NONE, METADATA, OBJECT }

    public String apiVersion() {
        return "meta.k8s.io/" + version;
    }

    /**
     * Reads the Accept header the way the API server negotiates: the first media range it can serve wins. A Table
     * range ({@code application/json;as=Table;v=v1;g=meta.k8s.io}) gives a Table; plain JSON, a wildcard, a missing
     * header, or nothing recognised gives empty (plain JSON, as before).
     */
    public static Optional<TableFormat> negotiate(String accept, String includeObject) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
            String as = "";
            String version = "";
            String group = "";
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                String value = kv.length == 2 ? kv[1].trim() : "";
                switch (kv[0].trim()) {
                    case "as" -> as = value;
                    case "v" -> version = value;
                    case "g" -> group = value;
                    default -> {
                    }
                }
            }
            boolean json = mediaType.equals("application/json") || mediaType.equals("application/*")
                    || mediaType.equals("*/*");
            if (!json) {
                continue;
            }
            if (as.isEmpty()) {
                return Optional.empty();
            }
            if (as.equals("Table") && group.equals("meta.k8s.io") && (version.equals("v1") || version.equals("v1beta1"))) {
                return Optional.of(new TableFormat(version, include(includeObject)));
            }
        }
        return Optional.empty();
    }

    private static Include include(String includeObject) {
        return switch (includeObject == null ? "" : includeObject) {
            case "", "Metadata" -> Include.METADATA;
            case "None" -> Include.NONE;
            case "Object" -> Include.OBJECT;
            default -> throw ApiException.badRequest("unrecognized includeObject value: \"" + includeObject + "\"");
        };
    }
}

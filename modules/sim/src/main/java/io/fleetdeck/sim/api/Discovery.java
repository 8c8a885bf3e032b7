package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Legacy API discovery documents (/version, /api, /apis, resource lists). kubectl asks for aggregated
 * discovery first; answering with plain {@code application/json} makes it fall back to these.
 */
final class Discovery {
    private final ResourceCatalog catalog;
    private final String serverAddress;

    Discovery(ResourceCatalog catalog, String serverAddress) {
        this.catalog = catalog;
        this.serverAddress = serverAddress;
    }

    ObjectNode version() {
        ObjectNode v = Json.object();
        v.put("major", "1").put("minor", "31").put("gitVersion", "v1.31.4-fleetdeck-demo")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.4").put("compiler", "gc")
                .put("platform", "linux/amd64");
        return v;
    }

    ObjectNode coreVersions() {
        ObjectNode v = Json.object();
        v.put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        v.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return v;
    }

    ObjectNode groups() {
        ObjectNode list = Json.object();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String gv : catalog.groupVersions()) {
            String[] parts = gv.split("/");
            ObjectNode g = groups.addObject();
            g.put("name", parts[0]);
            g.putArray("versions").addObject().put("groupVersion", gv).put("version", parts[1]);
            g.putObject("preferredVersion").put("groupVersion", gv).put("version", parts[1]);
        }
        return list;
    }

    ObjectNode group(String name) {
        return groups().path("groups").valueStream().filter(g -> g.path("name").asText().equals(name))
                .map(g -> {
                    ObjectNode out = ((ObjectNode) g).deepCopy();
                    out.put("kind", "APIGroup").put("apiVersion", "v1");
                    return out;
                }).findFirst().orElse(null);
    }

    Optional<ObjectNode> resources(String groupVersion) {
        List<ResourceType> types = catalog.inGroupVersion(groupVersion);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = Json.object();
        list.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject();
            r.put("name", t.plural()).put("singularName", t.singular()).put("namespaced", t.namespaced())
                    .put("kind", t.kind());
            ArrayNode verbs = r.putArray("verbs");
            t.verbs().forEach(verbs::add);
            if (!t.shortNames().isEmpty()) {
                ArrayNode shorts = r.putArray("shortNames");
                t.shortNames().forEach(shorts::add);
            }
            if (List.of("pods", "services", "deployments", "replicasets", "daemonsets", "jobs").contains(t.plural())) {
                r.putArray("categories").add("all");
            }
            subresource(resources, t, "status", t.kind(), "get", "patch", "update");
            if (t == ResourceCatalog.PODS) {
                subresource(resources, t, "eviction", "Eviction", "create").put("group", "policy").put("version", "v1");
                subresource(resources, t, "log", "Pod", "get");
                subresource(resources, t, "binding", "Binding", "create");
            }
            if (t == ResourceCatalog.DEPLOYMENTS || t == ResourceCatalog.REPLICASETS) {
                subresource(resources, t, "scale", "Scale", "get", "patch", "update")
                        .put("group", "autoscaling").put("version", "v1");
            }
        }
        return Optional.of(list);
    }

    private static ObjectNode subresource(ArrayNode resources, ResourceType t, String sub, String kind, String... verbs) {
        if (!t.verbs().contains("get")) {
            return Json.object();
        }
        ObjectNode r = resources.addObject();
        r.put("name", t.plural() + "/" + sub).put("singularName", "").put("namespaced", t.namespaced()).put("kind", kind);
        ArrayNode v = r.putArray("verbs");
        for (String verb : verbs) {
            v.add(verb);
        }
        return r;
    }
}

package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fleetdeck.sim.api.table.TableFormat;
import io.fleetdeck.sim.api.table.TableWriter;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ListPage;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plain CRUD on a resource (and its status subresource, which shares the object here). */
final class ResourceHandler {
    private static final ResourceCatalog CATALOG = new ResourceCatalog();
    private final ObjectStore store;

    ResourceHandler(ObjectStore store) {
        this.store = store;
    }

    MockResponse get(ApiRequest r) {
        Optional<TableFormat> table = r.table();
        StoredObject o = store.require(r.type(), r.namespace(), r.name());
        if (table.isPresent()) {
            return Responses.json(200, new TableWriter(r.type(), table.get()).single(o, Instant.now(), true));
        }
        return Responses.json(200, o.json());
    }

    MockResponse list(ApiRequest r) {
        Optional<TableFormat> table = r.table();
        ListPage page = store.list(r.type(), r.namespace(), r.param("labelSelector"), r.param("fieldSelector"),
                r.intParam("limit", 0), r.param("continue"));
        if (table.isPresent()) {
            return Responses.json(200, new TableWriter(r.type(), table.get()).list(page, Instant.now()));
        }
        return Responses.list(r.type(), page);
    }

    MockResponse create(ApiRequest r) {
        ObjectNode obj = Json.parse(r.body());
        checkKind(r.type(), obj);
        if (r.type().namespaced()) {
            String bodyNs = Json.text(obj, "metadata", "namespace");
            if (r.namespace() != null && !bodyNs.isEmpty() && !bodyNs.equals(r.namespace())) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            String namespace = r.namespace() != null ? r.namespace() : bodyNs.isEmpty() ? "default" : bodyNs;
            Json.with(obj, "metadata").put("namespace", namespace);
            requireNamespace(namespace);
        }
        Defaults.apply(r.type(), obj);
        if (r.flag("dryRun") || !r.param("dryRun").isEmpty()) {
            return Responses.json(201, obj);
        }
        return Responses.json(201, store.create(r.type(), obj).json());
    }

    MockResponse replace(ApiRequest r) {
        ObjectNode obj = Json.parse(r.body());
        checkKind(r.type(), obj);
        String bodyName = Json.text(obj, "metadata", "name");
        if (!bodyName.isEmpty() && !bodyName.equals(r.name())) {
            throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
                    + r.name() + ")");
        }
        return Responses.json(200, store.replace(r.type(), r.namespace(), r.name(), obj).json());
    }

    MockResponse patch(ApiRequest r) {
        StoredObject updated = store.update(r.type(), r.namespace(), r.name(),
                current -> Patches.apply(r.contentType(), current, r.body()));
        return Responses.json(200, updated.json());
    }

    MockResponse delete(ApiRequest r) {
        StoredObject current = store.require(r.type(), r.namespace(), r.name());
        if (r.type() == ResourceCatalog.PODS) {
            return Responses.json(200, PodTermination.terminate(store, current, gracePeriod(r)).json());
        }
        if (!current.tree().path("metadata").path("finalizers").isEmpty()) {
            // Finalizers hold the object: mark it, and whoever owns a finalizer (Karpenter) finishes the job.
            return Responses.json(200, store.update(r.type(), r.namespace(), r.name(), o -> {
                if (!o.path("metadata").has("deletionTimestamp")) {
                    Json.with(o, "metadata").put("deletionTimestamp", Json.now()).put("deletionGracePeriodSeconds", 0);
                }
                return o;
            }).json());
        }
        StoredObject gone = store.delete(r.type(), r.namespace(), r.name()).orElse(current);
        if (r.type() == ResourceCatalog.NODES) {
            deleteNodeDependents(r.name());
        } else if (r.type() == ResourceCatalog.NAMESPACES) {
            deleteNamespaceContents(r.name());
        }
        return Responses.json(200, gone.json());
    }

    /** Like pod GC and Karpenter's finalizer: a deleted Node takes its pods and its NodeClaim with it. */
    private void deleteNodeDependents(String node) {
        for (StoredObject pod : store.podsOnNode(node)) {
            store.delete(ResourceCatalog.PODS, pod.namespace(), pod.name());
        }
        for (StoredObject claim : List.copyOf(store.all(ResourceCatalog.NODECLAIMS, null))) {
            if (claim.tree().path("status").path("nodeName").asText().equals(node)) {
                store.delete(ResourceCatalog.NODECLAIMS, "", claim.name());
            }
        }
    }

    private void deleteNamespaceContents(String namespace) {
        for (ResourceType t : CATALOG.stored()) {
            if (t.namespaced()) {
                for (StoredObject o : List.copyOf(store.all(t, namespace))) {
                    store.delete(t, o.namespace(), o.name());
                }
            }
        }
    }

    private long gracePeriod(ApiRequest r) {
        String q = r.param("gracePeriodSeconds");
        if (!q.isEmpty()) {
            return Long.parseLong(q);
        }
        String body = r.body();
        if (body != null && !body.isBlank()) {
            JsonNode opts = Json.parseAny(body);
            if (opts.has("gracePeriodSeconds")) {
                return opts.get("gracePeriodSeconds").asLong();
            }
        }
        return -1;
    }

    void requireNamespace(String namespace) {
        if (store.get(ResourceCatalog.NAMESPACES, "", namespace).isEmpty()) {
            throw new ApiException(404, "NotFound", "namespaces \"" + namespace + "\" not found");
        }
    }

    private static void checkKind(ResourceType type, ObjectNode obj) {
        String kind = Json.text(obj, "kind");
        if (!kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiException.badRequest("the kind " + kind + " does not match the resource " + type.plural());
        }
        if (kind.isEmpty()) {
            obj.put("kind", type.kind());
        }
        if (Json.text(obj, "apiVersion").isEmpty()) {
            obj.put("apiVersion", type.groupVersion());
        }
    }
}

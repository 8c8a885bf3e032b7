package io.fleetdeck.sim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Indexed object storage for the demo API server. Reads are lock-free; writes take one lock so the
 * resourceVersion grows monotonically and watchers see changes in order. Objects are kept as
 * serialized JSON, so a 55k-pod list is a concatenation of byte arrays.
 */
public final class ObjectStore {
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<ResourceType, TypeStore> types = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> podsByNode = new ConcurrentHashMap<>();
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private final int historyLimit;
    private long resourceVersion = 1000;

    public ObjectStore(ResourceCatalog catalog, int historyLimit) {
        this.historyLimit = historyLimit;
        for (ResourceType t : catalog.stored()) {
            types.put(t, new TypeStore(t));
        }
    }

    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    public long currentResourceVersion() {
        writeLock.lock();
        try {
            return resourceVersion;
        } finally {
            writeLock.unlock();
        }
    }

    public Optional<StoredObject> get(ResourceType type, String namespace, String name) {
        return Optional.ofNullable(ts(type).objects.get(StoredObject.key(ns(type, namespace), name)));
    }

    public StoredObject require(ResourceType type, String namespace, String name) {
        return get(type, namespace, name).orElseThrow(() -> ApiException.notFound(type, name));
    }

    /** All objects of a type (or of one namespace when {@code namespace} is not null), in key order. */
    public Collection<StoredObject> all(ResourceType type, String namespace) {
        NavigableMap<String, StoredObject> objects = ts(type).objects;
        return namespace == null ? objects.values() : objects.subMap(namespace + "/", namespace + "0").values();
    }

    public int count(ResourceType type) {
        return ts(type).objects.size();
    }

    public List<StoredObject> podsOnNode(String node) {
        Set<String> keys = podsByNode.getOrDefault(node, Set.of());
        List<StoredObject> out = new ArrayList<>(keys.size());
        TypeStore pods = ts(ResourceCatalog.PODS);
        for (String k : keys) {
            StoredObject p = pods.objects.get(k);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Objects of {@code type} whose controller owner has {@code ownerUid}. */
    public List<StoredObject> ownedBy(ResourceType type, String ownerUid) {
        TypeStore ts = ts(type);
        List<StoredObject> out = new ArrayList<>();
        for (String k : ts.byController.getOrDefault(ownerUid, Set.of())) {
            StoredObject o = ts.objects.get(k);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    public ListPage list(ResourceType type, String namespace, String labelSelector, String fieldSelector,
                         int limit, String continueToken) {
        Predicate<StoredObject> filter = Selector.of(labelSelector, fieldSelector);
        long rv = currentResourceVersion();
        Iterator<StoredObject> source = candidates(type, namespace, fieldSelector, ListPage.keyAfter(continueToken));
        List<StoredObject> items = new ArrayList<>();
        while (source.hasNext()) {
            StoredObject o = source.next();
            if (!filter.test(o)) {
                continue;
            }
            if (limit > 0 && items.size() == limit) {
                return new ListPage(items, ListPage.continueAfter(items.getLast().key()), rv, -1);
            }
            items.add(o);
        }
        return new ListPage(items, "", rv, 0);
    }

    /** Uses the pods-by-node index for a {@code spec.nodeName=X} selector instead of scanning every pod. */
    private Iterator<StoredObject> candidates(ResourceType type, String namespace, String fieldSelector, String after) {
        String node = type == ResourceCatalog.PODS ? Selector.nodeNameEquality(fieldSelector) : null;
        if (node != null) {
            TreeSet<String> keys = new TreeSet<>(podsByNode.getOrDefault(node, Set.of()));
            Collection<String> range = after == null ? keys : keys.tailSet(after, false);
            TypeStore pods = ts(type);
            return range.stream().map(pods.objects::get).filter(o -> o != null)
                    .filter(o -> namespace == null || o.namespace().equals(namespace)).iterator();
        }
        NavigableMap<String, StoredObject> objects = ts(type).objects;
        NavigableMap<String, StoredObject> scope = namespace == null ? objects
                : objects.subMap(namespace + "/", true, namespace + "0", false);
        return (after == null ? scope : scope.tailMap(after, false)).values().iterator();
    }

    public StoredObject create(ResourceType type, ObjectNode obj) {
        writeLock.lock();
        try {
            ObjectNode meta = Json.with(obj, "metadata");
            String namespace = ns(type, meta.path("namespace").asText(""));
            if (type.namespaced()) {
                meta.put("namespace", namespace);
            } else {
                meta.remove("namespace");
            }
            String name = meta.path("name").asText("");
            if (name.isEmpty()) {
                String prefix = meta.path("generateName").asText("");
                if (prefix.isEmpty()) {
                    throw ApiException.badRequest("name or generateName is required");
                }
                name = prefix + Long.toString(resourceVersion * 7919 % 60466176 + 60466176, 36).substring(1);
                meta.put("name", name);
            }
            TypeStore ts = ts(type);
            if (ts.objects.containsKey(StoredObject.key(namespace, name))) {
                throw ApiException.alreadyExists(type, name);
            }
            long rv = ++resourceVersion;
            meta.put("uid", UUID.nameUUIDFromBytes((type + "/" + namespace + "/" + name + "/" + rv).getBytes()).toString());
            meta.put("resourceVersion", Long.toString(rv));
            if (!meta.hasNonNull("creationTimestamp") || meta.get("creationTimestamp").asText().isEmpty()) {
                // kubectl sends "creationTimestamp": null; the API server stamps every new object.
                meta.put("creationTimestamp", Json.now());
            }
            if (!meta.has("generation") && obj.has("spec") && type != ResourceCatalog.PODS) {
                meta.put("generation", 1);
            }
            StoredObject stored = StoredObject.of(type, obj, rv);
            put(ts, null, stored);
            emit(ts, new WatchEvent(WatchEvent.ADDED, stored, null));
            return stored;
        } finally {
            writeLock.unlock();
        }
    }

    /** A PUT: 409 when the body carries a resourceVersion that is no longer current. */
    public StoredObject replace(ResourceType type, String namespace, String name, ObjectNode obj) {
        String expected = obj.path("metadata").path("resourceVersion").asText("");
        return update(type, namespace, name, current -> {
            if (!expected.isEmpty() && !expected.equals(current.path("metadata").path("resourceVersion").asText())) {
                throw ApiException.conflict(type, name);
            }
            ObjectNode meta = Json.with(obj, "metadata");
            for (String kept : List.of("uid", "creationTimestamp", "namespace", "name", "generation", "deletionTimestamp")) {
                if (current.path("metadata").has(kept)) {
                    meta.set(kept, current.path("metadata").get(kept));
                } else {
                    meta.remove(kept);
                }
            }
            return obj;
        });
    }

    /**
     * Read-modify-write under the write lock. The mutation gets a private copy; returning an equal
     * object is a no-op (no new resourceVersion, no event), so controllers can reconcile freely.
     */
    public StoredObject update(ResourceType type, String namespace, String name, UnaryOperator<ObjectNode> mutation) {
        writeLock.lock();
        try {
            TypeStore ts = ts(type);
            String key = StoredObject.key(ns(type, namespace), name);
            StoredObject current = ts.objects.get(key);
            if (current == null) {
                throw ApiException.notFound(type, name);
            }
            ObjectNode before = current.tree();
            ObjectNode after = mutation.apply(before.deepCopy());
            Json.with(after, "metadata").put("resourceVersion", current.resourceVersion() + "");
            // Compare as JSON text: trees differ on number node types (int vs long) that serialize alike.
            if (java.util.Arrays.equals(Json.bytes(after), current.json())) {
                return current;
            }
            if (type != ResourceCatalog.PODS && !after.path("spec").equals(before.path("spec"))) {
                Json.with(after, "metadata").put("generation", before.path("metadata").path("generation").asLong(1) + 1);
            }
            long rv = ++resourceVersion;
            Json.with(after, "metadata").put("resourceVersion", Long.toString(rv));
            StoredObject stored = StoredObject.of(type, after, rv);
            if (stored.terminating() && type != ResourceCatalog.PODS && after.path("metadata").path("finalizers").isEmpty()) {
                // The last finalizer is gone from an object being deleted: now it goes (pods wait for the kubelet).
                ts.objects.remove(key);
                unindex(ts, current);
                emit(ts, new WatchEvent(WatchEvent.DELETED, stored, null));
                return stored;
            }
            put(ts, current, stored);
            emit(ts, new WatchEvent(WatchEvent.MODIFIED, stored, current));
            return stored;
        } finally {
            writeLock.unlock();
        }
    }

    public Optional<StoredObject> delete(ResourceType type, String namespace, String name) {
        writeLock.lock();
        try {
            TypeStore ts = ts(type);
            StoredObject current = ts.objects.remove(StoredObject.key(ns(type, namespace), name));
            if (current == null) {
                return Optional.empty();
            }
            unindex(ts, current);
            long rv = ++resourceVersion;
            ObjectNode tree = current.tree();
            Json.with(tree, "metadata").put("resourceVersion", Long.toString(rv));
            StoredObject gone = StoredObject.of(type, tree, rv);
            emit(ts, new WatchEvent(WatchEvent.DELETED, gone, null));
            return Optional.of(gone);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Loads objects without history or listener calls (seeding 60k objects must take seconds);
     * watches from before the load get 410 Gone.
     */
    public void bulkLoad(ResourceType type, List<ObjectNode> objects) {
        writeLock.lock();
        try {
            TypeStore ts = ts(type);
            for (ObjectNode obj : objects) {
                ObjectNode meta = Json.with(obj, "metadata");
                String namespace = ns(type, meta.path("namespace").asText(""));
                long rv = ++resourceVersion;
                if (!meta.has("uid")) {
                    meta.put("uid", UUID.nameUUIDFromBytes((type + "/" + namespace + "/" + meta.path("name").asText()).getBytes())
                            .toString());
                }
                meta.put("resourceVersion", Long.toString(rv));
                put(ts, ts.objects.get(StoredObject.key(namespace, meta.path("name").asText())), StoredObject.of(type, obj, rv));
            }
            for (TypeStore t : types.values()) {
                t.compactedRv = resourceVersion;
                t.history.clear();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Starts a watch. With {@code fromVersion} null the current matching objects come first as ADDED
     * (like a watch without resourceVersion); otherwise only changes after that version, or 410 Gone
     * when those changes have left the history.
     */
    public AutoCloseable watch(ResourceType type, String namespace, Predicate<StoredObject> filter, Long fromVersion,
                               Consumer<WatchEvent> sink) {
        writeLock.lock();
        try {
            TypeStore ts = ts(type);
            TypeStore.Watcher watcher = new TypeStore.Watcher(namespace, filter, sink);
            if (fromVersion == null) {
                for (StoredObject o : all(type, namespace)) {
                    if (filter.test(o)) {
                        sink.accept(new WatchEvent(WatchEvent.ADDED, o, null));
                    }
                }
            } else {
                if (fromVersion < ts.compactedRv) {
                    throw ApiException.gone(fromVersion);
                }
                for (WatchEvent e : ts.history) {
                    if (e.resourceVersion() > fromVersion) {
                        WatchEvent seen = watcher.view(e);
                        if (seen != null) {
                            sink.accept(seen);
                        }
                    }
                }
            }
            ts.watchers.add(watcher);
            return () -> ts.watchers.remove(watcher);
        } finally {
            writeLock.unlock();
        }
    }

    private void put(TypeStore ts, StoredObject previous, StoredObject stored) {
        ts.objects.put(stored.key(), stored);
        ts.index(previous, stored);
        if (ts.type == ResourceCatalog.PODS) {
            if (previous != null && !previous.nodeName().equals(stored.nodeName())) {
                removeFromNode(previous);
            }
            if (!stored.nodeName().isEmpty()) {
                podsByNode.computeIfAbsent(stored.nodeName(), k -> ConcurrentHashMap.newKeySet()).add(stored.key());
            }
        }
    }

    private void unindex(TypeStore ts, StoredObject removed) {
        ts.index(removed, null);
        if (ts.type == ResourceCatalog.PODS) {
            removeFromNode(removed);
        }
    }

    private void removeFromNode(StoredObject pod) {
        Set<String> keys = podsByNode.get(pod.nodeName());
        if (keys != null) {
            keys.remove(pod.key());
        }
    }

    private void emit(TypeStore ts, WatchEvent event) {
        ts.history.addLast(event);
        while (ts.history.size() > historyLimit) {
            ts.compactedRv = ts.history.removeFirst().resourceVersion();
        }
        for (TypeStore.Watcher w : ts.watchers) {
            WatchEvent seen = w.view(event);
            if (seen != null) {
                try {
                    w.sink().accept(seen);
                } catch (RuntimeException e) {
                    ts.watchers.remove(w);
                }
            }
        }
        for (StoreListener l : listeners) {
            l.onChange(event);
        }
    }

    private TypeStore ts(ResourceType type) {
        TypeStore ts = types.get(type);
        if (ts == null) {
            throw new ApiException(405, "MethodNotAllowed", type + " is not stored");
        }
        return ts;
    }

    private static String ns(ResourceType type, String namespace) {
        if (!type.namespaced()) {
            return "";
        }
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }
}

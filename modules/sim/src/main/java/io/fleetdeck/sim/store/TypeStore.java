package io.fleetdeck.sim.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The objects of one resource type, sorted by "namespace/name" (so a namespace is a key range and
 * paging resumes after a key), its bounded change history and its watchers. History and watchers
 * are guarded by the store's write lock.
 */
final class TypeStore {
    final ResourceType type;
    final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    /** Keys of objects by the uid of their controller owner (pods of a ReplicaSet, ...). */
    final ConcurrentHashMap<String, Set<String>> byController = new ConcurrentHashMap<>();
    final ArrayDeque<WatchEvent> history = new ArrayDeque<>();
    final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    /** Changes up to this version are no longer in the history: older watches get 410 Gone. */
    long compactedRv;

    TypeStore(ResourceType type) {
        this.type = type;
    }

    record Watcher(String namespace, Predicate<StoredObject> filter, Consumer<WatchEvent> sink) {
        boolean matches(StoredObject o) {
            return (namespace == null || namespace.equals(o.namespace())) && filter.test(o);
        }

        /** Translates a change into what this watcher sees, or null: leaving the selection is a DELETED. */
        WatchEvent view(WatchEvent e) {
            boolean now = matches(e.object());
            if (e.type().equals(WatchEvent.MODIFIED) && e.previous() != null) {
                boolean before = matches(e.previous());
                if (before && !now) {
                    return new WatchEvent(WatchEvent.DELETED, e.object(), null);
                }
                if (!before && now) {
                    return new WatchEvent(WatchEvent.ADDED, e.object(), null);
                }
            }
            return now ? e : null;
        }
    }

    void index(StoredObject previous, StoredObject current) {
        if (previous != null && !previous.controllerUid().isEmpty()
                && (current == null || !previous.controllerUid().equals(current.controllerUid()))) {
            Set<String> keys = byController.get(previous.controllerUid());
            if (keys != null) {
                keys.remove(previous.key());
            }
        }
        if (current != null && !current.controllerUid().isEmpty()) {
            byController.computeIfAbsent(current.controllerUid(), k -> ConcurrentHashMap.newKeySet()).add(current.key());
        }
    }
}

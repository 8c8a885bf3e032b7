package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The informer's own cache, cut to what the informer needs of an object: its name, namespace, uid and
 * resourceVersion (to key it, to tell a relist what was deleted, and to hand a delete handler the uid). The
 * console keeps its state in the fleet store, so nothing else is held twice. fabric8's {@code ReducedStateItemStore}
 * does the same generically through Jackson's {@code convertValue} on every put, which was 18 % of the HTTP threads'
 * CPU while 56k pods were listed; this one copies four strings.
 */
final class SkeletonItemStore<T extends HasMetadata> implements ItemStore<T> {
    private record Skeleton(String name, String namespace, String uid, String resourceVersion) {
    }

    private final Map<String, Skeleton> items = new ConcurrentHashMap<>();
    private final Supplier<T> factory;

    SkeletonItemStore(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public String getKey(T object) {
        return Cache.metaNamespaceKeyFunc(object);
    }

    @Override
    public T put(String key, T object) {
        ObjectMeta m = object.getMetadata();
        return restore(items.put(key, new Skeleton(m.getName(), m.getNamespace(), m.getUid(), m.getResourceVersion())));
    }

    @Override
    public T remove(String key) {
        return restore(items.remove(key));
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet().stream();
    }

    @Override
    public Stream<T> values() {
        return items.values().stream().map(this::restore);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public T get(String key) {
        return restore(items.get(key));
    }

    /** Only the metadata is kept: handlers get partial old objects. */
    @Override
    public boolean isFullState() {
        return false;
    }

    private T restore(Skeleton s) {
        if (s == null) {
            return null;
        }
        T object = factory.get();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(s.name());
        meta.setNamespace(s.namespace());
        meta.setUid(s.uid());
        meta.setResourceVersion(s.resourceVersion());
        object.setMetadata(meta);
        return object;
    }
}

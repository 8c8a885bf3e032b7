package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The single consumer between the informers and the sink. Informer handlers only store the newest object
 * (or a tombstone) per uid; every pulse this thread drains what has piled up, so a hundred updates of one
 * pod become one change, and it is the only thread that ever calls the sink.
 */
final class FleetChangePump {
    private static final Logger LOG = LoggerFactory.getLogger(FleetChangePump.class);

    /** A deleted object: only its name is needed (nodes are deleted by name, pods by uid, the key). */
    private record Gone(String name) {
    }

    private final FleetSink sink;
    private final PodMapper podMapper;
    private final Supplier<ConnectionStatus> health;
    private final Duration pulse;
    private final Duration healthEvery;

    private final Map<String, Object> pendingNodes = new ConcurrentHashMap<>();
    private final Map<String, Object> pendingPods = new ConcurrentHashMap<>();
    private final AtomicBoolean nodesListed = new AtomicBoolean();
    private final AtomicBoolean podsListed = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean podsSynced;
    private Thread thread;

    FleetChangePump(FleetSink sink, PodMapper podMapper, Supplier<ConnectionStatus> health, Duration pulse, Duration healthEvery) {
        this.sink = sink;
        this.podMapper = podMapper;
        this.health = health;
        this.pulse = pulse;
        this.healthEvery = healthEvery;
    }

    ResourceEventHandler<Node> nodeHandler() {
        return new Enqueuer<>(pendingNodes, nodesListed);
    }

    ResourceEventHandler<Pod> podHandler() {
        return new Enqueuer<>(pendingPods, podsListed);
    }

    boolean podsSynced() {
        return podsSynced;
    }

    synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("fleetdeck-kube-pump").start(this::loop);
    }

    /** Stops the thread and waits briefly, so no sink call can follow this one. */
    void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        boolean nodesSynced = false;
        long nextHealth = 0;
        while (running) {
            try {
                // Read the flags before draining: everything listed before the flag was set is in the maps.
                boolean nodesReady = nodesListed.get();
                boolean podsReady = podsListed.get();
                List<FleetChange> batch = drain();
                if (!batch.isEmpty()) {
                    sink.apply(batch);
                }
                boolean justSynced = false;
                if (nodesReady && !nodesSynced) {
                    nodesSynced = true;
                    justSynced = true;
                    sink.synced(FleetSink.SyncedKind.NODES);
                }
                // Pods are listed alongside nodes; "pods synced" is only ever told after "nodes synced".
                if (podsReady && nodesSynced && !podsSynced) {
                    podsSynced = true;
                    justSynced = true;
                    sink.synced(FleetSink.SyncedKind.PODS);
                }
                long now = System.nanoTime();
                // A finished list changes what the status bar says: tell it now, not at the next health tick.
                if (justSynced || now - nextHealth >= 0) {
                    sink.connection(health.get());
                    nextHealth = now + healthEvery.toNanos();
                }
            } catch (RuntimeException e) {
                LOG.warn("Applying cluster changes failed; continuing with the next batch", e);
            }
            LockSupport.parkNanos(pulse.toNanos());
            if (Thread.interrupted()) {
                break;
            }
        }
    }

    /** Takes everything pending: node deletions first, so a node re-created under the same name survives. */
    List<FleetChange> drain() {
        List<FleetChange> batch = new ArrayList<>();
        List<FleetChange> nodeUpserts = new ArrayList<>();
        for (String uid : pendingNodes.keySet()) {
            Object o = pendingNodes.remove(uid);
            try {
                switch (o) {
                    case Gone g -> batch.add(new FleetChange.NodeDeleted(g.name()));
                    case Node n -> nodeUpserts.add(new FleetChange.NodeUpserted(NodeMapper.toEncoderNode(n)));
                    case null, default -> { }
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipping node {} that could not be read", uid, e);
            }
        }
        batch.addAll(nodeUpserts);
        for (String uid : pendingPods.keySet()) {
            Object o = pendingPods.remove(uid);
            try {
                switch (o) {
                    case Gone g -> batch.add(new FleetChange.PodDeleted(uid));
                    case Pod p -> batch.add(new FleetChange.PodUpserted(podMapper.toPodInfo(p)));
                    case null, default -> { }
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipping pod {} that could not be read", uid, e);
            }
        }
        return batch;
    }

    /** Handlers run on fabric8's thread and must not block it: they only record the newest state. */
    private static final class Enqueuer<T extends HasMetadata> implements ResourceEventHandler<T> {
        private final Map<String, Object> pending;
        private final AtomicBoolean listed;

        Enqueuer(Map<String, Object> pending, AtomicBoolean listed) {
            this.pending = pending;
            this.listed = listed;
        }

        @Override
        public void onAdd(T obj) {
            pending.put(obj.getMetadata().getUid(), obj);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            WatchTrace.arrived(newObj);
            pending.put(newObj.getMetadata().getUid(), newObj);
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            pending.put(obj.getMetadata().getUid(), new Gone(obj.getMetadata().getName()));
        }

        /** Delivered after every add of a list, in order: the initial list is then fully enqueued. */
        @Override
        public void onList(String resourceVersion, boolean empty) {
            listed.set(true);
        }

        @Override
        public void onNothing() {
            listed.set(true);
        }
    }
}

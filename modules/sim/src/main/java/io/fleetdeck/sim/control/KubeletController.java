package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The kubelets of all nodes: bound pods start Running on Ready nodes; pods marked for deletion stop
 * and are removed after their grace period, shortened to at most {@link #MAX_GRACE_MILLIS} so demos
 * and drains don't wait 30 s per pod.
 */
final class KubeletController implements Controller {
    static final long MAX_GRACE_MILLIS = 1500;
    /** Image pull and container start: a bound pod becomes Running this long after it was bound. */
    static final long START_MILLIS = 1000;
    private static final int STARTS_PER_TICK = 1000;

    private final ObjectStore store;
    private final EventRecorder events;
    private final Map<String, Long> startAt = new ConcurrentHashMap<>();
    private final Map<String, Long> removeAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<StoredObject> stopping = new ConcurrentLinkedQueue<>();
    private int podIpCounter;

    KubeletController(ObjectStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        for (StoredObject p : store.all(ResourceCatalog.PODS, null)) {
            track(p);
        }
        podIpCounter = store.count(ResourceCatalog.PODS) + 1;
    }

    @Override
    public void enqueue(WatchEvent e) {
        if (e.object().type() != ResourceCatalog.PODS) {
            return;
        }
        if (e.type().equals(WatchEvent.DELETED)) {
            startAt.remove(e.object().key());
            removeAt.remove(e.object().key());
        } else {
            track(e.object());
        }
    }

    private void track(StoredObject pod) {
        if (pod.terminating()) {
            if (removeAt.putIfAbsent(pod.key(), System.currentTimeMillis() + grace(pod)) == null && !pod.nodeName().isEmpty()) {
                stopping.add(pod);
            }
        } else if (!pod.nodeName().isEmpty() && pod.phase().equals("Pending")) {
            startAt.putIfAbsent(pod.key(), System.currentTimeMillis() + START_MILLIS);
        }
    }

    private static long grace(StoredObject pod) {
        JsonNode seconds = pod.tree().path("metadata").path("deletionGracePeriodSeconds");
        return Math.min(MAX_GRACE_MILLIS, seconds.asLong(30) * 1000);
    }

    @Override
    public void reconcile() {
        long now = System.currentTimeMillis();
        for (StoredObject pod; (pod = stopping.poll()) != null; ) {
            events.record(pod, "Normal", "Killing", "Stopping container "
                    + pod.tree().path("spec").path("containers").path(0).path("name").asText(), "kubelet");
        }
        for (Iterator<Map.Entry<String, Long>> it = removeAt.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() <= now) {
                it.remove();
                String[] nsName = e.getKey().split("/", 2);
                store.delete(ResourceCatalog.PODS, nsName[0], nsName[1]);
            }
        }
        int started = 0;
        for (Iterator<Map.Entry<String, Long>> it = startAt.entrySet().iterator(); it.hasNext() && started < STARTS_PER_TICK; ) {
            Map.Entry<String, Long> due = it.next();
            if (due.getValue() > now) {
                continue;
            }
            it.remove();
            started++;
            String[] nsName = due.getKey().split("/", 2);
            store.get(ResourceCatalog.PODS, nsName[0], nsName[1])
                    .filter(p -> !p.terminating() && p.phase().equals("Pending") && !p.nodeName().isEmpty())
                    .ifPresent(this::start);
        }
    }

    private void start(StoredObject pod) {
        Optional<StoredObject> node = store.get(ResourceCatalog.NODES, "", pod.nodeName());
        if (node.isEmpty()) {
            return;
        }
        JsonNode nodeTree = node.get().tree();
        boolean ready = false;
        for (JsonNode c : nodeTree.path("status").path("conditions")) {
            ready |= c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True");
        }
        if (!ready) {
            // The node's kubelet is silent: the pod starts once it is back (or its node goes).
            startAt.putIfAbsent(pod.key(), System.currentTimeMillis() + START_MILLIS);
            return;
        }
        String hostIp = nodeTree.path("status").path("addresses").path(0).path("address").asText();
        int c = podIpCounter++;
        String podIp = "10." + (64 + c / 65024) + "." + (c / 254 % 256) + "." + (c % 254 + 1);
        StoredObject running = store.update(ResourceCatalog.PODS, pod.namespace(), pod.name(), p -> {
            Pods.markRunning(p, hostIp, podIp, Instant.now());
            return p;
        });
        events.record(running, "Normal", "Started", "Started container "
                + running.tree().path("spec").path("containers").path(0).path("name").asText(), "kubelet");
    }
}

package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Now and then one GPU node's kubelet stops posting status, then comes back, as in a live fleet. Going out
 * is what the node lifecycle controller does after the grace period: Ready and the pressure conditions
 * become {@code Unknown} ({@code NodeStatusUnknown}), the {@code node.kubernetes.io/unreachable} NoSchedule
 * and NoExecute taints are added and a {@code NodeNotReady} Event is recorded. Coming back is the kubelet
 * posting Ready again ({@code NodeReady} Event) and the controller lifting the taints. Pods stay: their
 * default 300 s toleration of the NoExecute taint outlasts the outage. One node at most is out at a time;
 * cordoned, not-ready and terminating nodes are never picked.
 */
public final class NodeFlaps implements AutoCloseable {
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(90);
    public static final Duration DEFAULT_OUTAGE = Duration.ofSeconds(20);
    static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";
    static final String STOPPED_POSTING = "Kubelet stopped posting node status.";
    private static final Logger LOG = LoggerFactory.getLogger(NodeFlaps.class);
    private static final Set<String> NOT_READY_TAINTS = Set.of(UNREACHABLE_TAINT, "node.kubernetes.io/not-ready",
            NodeLifecycleController.UNSCHEDULABLE_TAINT);
    /** The kubelet's conditions besides Ready: type, healthy reason, healthy message. */
    private static final String[][] PRESSURES = {
            {"MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
            {"DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
            {"PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"}};

    private final ObjectStore store;
    private final EventRecorder events;
    private final Random random;
    private final Duration outage;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("fleetdeck-sim-node-flaps").factory());
    /** The node that is out now, or null; touched on the executor thread, and by close() once it has stopped. */
    private volatile String out;

    private NodeFlaps(ObjectStore store, EventRecorder events, long seed, Duration outage) {
        this.store = store;
        this.events = events;
        this.random = new Random(seed);
        this.outage = outage;
    }

    /** Takes one node out every {@code every} (the first after {@code every}) for {@code outage}. */
    public static NodeFlaps start(ObjectStore store, EventRecorder events, long seed, Duration every, Duration outage) {
        if (every.isNegative() || every.isZero() || outage.isNegative()) {
            throw new IllegalArgumentException("node flaps need a positive period and an outage of at least 0");
        }
        NodeFlaps flaps = new NodeFlaps(store, events, seed, outage);
        long everyMillis = every.toMillis();
        flaps.executor.scheduleWithFixedDelay(flaps::safely, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return flaps;
    }

    /** The node whose kubelet is silent now, or null. */
    public String nodeOut() {
        return out;
    }

    private void safely() {
        try {
            takeOneOut();
        } catch (RuntimeException e) {
            LOG.warn("node flap failed", e);
        }
    }

    private void takeOneOut() {
        if (out != null) {
            return;
        }
        List<StoredObject> candidates = store.all(ResourceCatalog.NODES, null).stream()
                .filter(n -> "true".equals(n.labels().get("nvidia.com/gpu.present")) && eligible(n.tree()))
                .sorted(Comparator.comparing(StoredObject::name)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        StoredObject pick = candidates.get(random.nextInt(candidates.size()));
        StoredObject updated;
        try {
            // Checked again under the store's lock: the node may have been cordoned or deleted since the list.
            updated = store.update(ResourceCatalog.NODES, "", pick.name(), n -> eligible(n) ? silence(n) : n);
        } catch (ApiException gone) {
            return;
        }
        if (updated.resourceVersion() == pick.resourceVersion() || eligible(updated.tree())) {
            return;
        }
        out = pick.name();
        events.record(updated, "Normal", "NodeNotReady", "Node " + pick.name() + " status is now: NodeNotReady",
                "node-controller");
        executor.schedule(this::safelyBringBack, outage.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safelyBringBack() {
        try {
            bringBack();
        } catch (RuntimeException e) {
            LOG.warn("node flap recovery failed", e);
        }
    }

    private void bringBack() {
        String name = out;
        if (name == null) {
            return;
        }
        out = null;
        StoredObject updated;
        try {
            updated = store.update(ResourceCatalog.NODES, "", name,
                    n -> n.path("metadata").hasNonNull("deletionTimestamp") ? n : recover(n));
        } catch (ApiException gone) {
            return;
        }
        if (ready(updated.tree())) {
            events.record(updated, "Normal", "NodeReady", "Node " + name + " status is now: NodeReady", "kubelet");
        }
    }

    /** Ready, schedulable, not being deleted and carrying none of the taints a sick or cordoned node has. */
    static boolean eligible(JsonNode node) {
        if (node.path("metadata").hasNonNull("deletionTimestamp") || node.path("spec").path("unschedulable").asBoolean(false)
                || !ready(node)) {
            return false;
        }
        for (JsonNode t : node.path("spec").path("taints")) {
            if (NOT_READY_TAINTS.contains(t.path("key").asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean ready(JsonNode node) {
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    /** What the node lifecycle controller writes when the kubelet's lease and status go stale. */
    private static ObjectNode silence(ObjectNode node) {
        String now = Json.timestamp(Instant.now());
        for (JsonNode c : node.path("status").path("conditions")) {
            String type = c.path("type").asText();
            if (type.equals("Ready") || isPressure(type)) {
                ((ObjectNode) c).put("status", "Unknown").put("reason", "NodeStatusUnknown").put("message", STOPPED_POSTING)
                        .put("lastTransitionTime", now);
            }
        }
        ArrayNode taints = taints(node);
        taints.addObject().put("key", UNREACHABLE_TAINT).put("effect", "NoSchedule");
        taints.addObject().put("key", UNREACHABLE_TAINT).put("effect", "NoExecute").put("timeAdded", now);
        return node;
    }

    /** The kubelet posts its status again (heartbeat and transition now); the controller lifts the taints. */
    private static ObjectNode recover(ObjectNode node) {
        String now = Json.timestamp(Instant.now());
        for (JsonNode c : node.path("status").path("conditions")) {
            ObjectNode cond = (ObjectNode) c;
            String type = c.path("type").asText();
            if (type.equals("Ready")) {
                healthy(cond, "True", "KubeletReady", "kubelet is posting ready status", now);
            }
            for (String[] p : PRESSURES) {
                if (type.equals(p[0])) {
                    healthy(cond, "False", p[1], p[2], now);
                }
            }
        }
        ArrayNode taints = taints(node);
        for (int i = taints.size() - 1; i >= 0; i--) {
            if (taints.get(i).path("key").asText().equals(UNREACHABLE_TAINT)) {
                taints.remove(i);
            }
        }
        if (taints.isEmpty()) {
            ((ObjectNode) node.get("spec")).remove("taints");
        }
        return node;
    }

    private static void healthy(ObjectNode cond, String status, String reason, String message, String now) {
        if (!cond.path("status").asText().equals(status)) {
            cond.put("lastTransitionTime", now);
        }
        cond.put("status", status).put("reason", reason).put("message", message).put("lastHeartbeatTime", now);
    }

    private static boolean isPressure(String type) {
        for (String[] p : PRESSURES) {
            if (p[0].equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode taints(ObjectNode node) {
        ObjectNode spec = (ObjectNode) node.withObjectProperty("spec");
        return spec.has("taints") ? (ArrayNode) spec.get("taints") : spec.putArray("taints");
    }

    /** Stops the flaps and brings back the node that is out. Call while the store is still served. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            bringBack();
        } catch (RuntimeException e) {
            LOG.warn("could not bring back node {} on close", out, e);
        }
    }
}

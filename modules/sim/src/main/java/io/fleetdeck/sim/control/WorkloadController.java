package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.api.PodTermination;
import io.fleetdeck.sim.seed.FleetSeeder;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Deployment and ReplicaSet controllers: a Deployment owns the ReplicaSet whose template equals its
 * own (a new template gets a new ReplicaSet, the old ones go to 0); a ReplicaSet keeps its count of
 * live pods. Encoder sessions keep their stream: a terminating session pod's stream goes to the
 * next replacement pod.
 */
final class WorkloadController implements Controller {
    private static final int CREATES_PER_TICK = 500;
    private static final String STREAM = "fleetdeck.io/stream";

    private final ObjectStore store;
    private final EventRecorder events;
    private final Random random;
    private final DirtyQueue deployments = new DirtyQueue();
    private final DirtyQueue replicaSets = new DirtyQueue();
    private final Map<String, String> rsKeyByUid = new ConcurrentHashMap<>();
    private final Map<String, String> deploymentKeyByUid = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<StoredObject> stoppedSessions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<StoredObject> orphanOwners = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<String> freeStreams = new ArrayDeque<>();
    private int nextChannel;

    WorkloadController(ObjectStore store, EventRecorder events, long seed) {
        this.store = store;
        this.events = events;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        store.all(ResourceCatalog.DEPLOYMENTS, null).forEach(d -> track(d));
        store.all(ResourceCatalog.REPLICASETS, null).forEach(rs -> track(rs));
        nextChannel = (int) store.all(ResourceCatalog.PODS, null).stream()
                .filter(p -> "session".equals(p.labels().get("app.kubernetes.io/component"))).count();
    }

    private void track(StoredObject o) {
        if (o.type() == ResourceCatalog.DEPLOYMENTS) {
            deploymentKeyByUid.put(o.uid(), o.key());
            deployments.add(o.key());
        } else {
            rsKeyByUid.put(o.uid(), o.key());
            replicaSets.add(o.key());
            String owner = deploymentKeyByUid.get(o.controllerUid());
            if (owner != null) {
                deployments.add(owner);
            }
        }
    }

    @Override
    public void enqueue(WatchEvent e) {
        StoredObject o = e.object();
        boolean deleted = e.type().equals(WatchEvent.DELETED);
        if (o.type() == ResourceCatalog.DEPLOYMENTS || o.type() == ResourceCatalog.REPLICASETS) {
            if (deleted) {
                orphanOwners.add(o);
            } else {
                track(o);
            }
        } else if (o.type() == ResourceCatalog.PODS) {
            String rs = rsKeyByUid.get(o.controllerUid());
            if (rs != null) {
                replicaSets.add(rs);
            }
            // A session stops once: when it starts terminating, or when deleted without a grace period.
            boolean stops = deleted ? !o.terminating() : e.previous() != null && !e.previous().terminating() && o.terminating();
            if (stops && "session".equals(o.labels().get("app.kubernetes.io/component"))) {
                stoppedSessions.add(o);
            }
        }
    }

    @Override
    public void reconcile() {
        for (StoredObject pod; (pod = stoppedSessions.poll()) != null; ) {
            String stream = pod.tree().path("metadata").path("annotations").path(STREAM).asText("");
            if (!stream.isEmpty() && !freeStreams.contains(stream)) {
                freeStreams.addLast(stream);
            }
        }
        for (StoredObject owner; (owner = orphanOwners.poll()) != null; ) {
            collectGarbage(owner);
        }
        for (String key : deployments.drain(1000)) {
            String[] nsName = key.split("/", 2);
            store.get(ResourceCatalog.DEPLOYMENTS, nsName[0], nsName[1]).ifPresent(this::syncDeployment);
        }
        for (String key : replicaSets.drain(1000)) {
            String[] nsName = key.split("/", 2);
            store.get(ResourceCatalog.REPLICASETS, nsName[0], nsName[1]).ifPresent(this::syncReplicaSet);
        }
    }

    /** Background cascading deletion: what a deleted Deployment or ReplicaSet controlled goes too. */
    private void collectGarbage(StoredObject owner) {
        if (owner.type() == ResourceCatalog.DEPLOYMENTS) {
            deploymentKeyByUid.remove(owner.uid());
            for (StoredObject rs : store.ownedBy(ResourceCatalog.REPLICASETS, owner.uid())) {
                store.delete(ResourceCatalog.REPLICASETS, rs.namespace(), rs.name());
            }
        } else {
            rsKeyByUid.remove(owner.uid());
            for (StoredObject pod : store.ownedBy(ResourceCatalog.PODS, owner.uid())) {
                PodTermination.terminate(store, pod, -1);
            }
        }
    }

    private void syncDeployment(StoredObject d) {
        JsonNode tree = d.tree();
        JsonNode template = tree.path("spec").path("template");
        int replicas = tree.path("spec").path("replicas").asInt(1);
        StoredObject current = null;
        boolean created = false;
        List<StoredObject> owned = store.ownedBy(ResourceCatalog.REPLICASETS, d.uid());
        for (StoredObject rs : owned) {
            if (current == null && sameTemplate(template, rs.tree().path("spec").path("template"))) {
                current = rs;
            }
        }
        if (current == null) {
            current = createReplicaSet(d, tree, owned.size() + 1);
            created = true;
        }
        for (StoredObject rs : owned) {
            setReplicas(rs, rs == current ? replicas : 0);
        }
        if (created) {
            setReplicas(current, replicas);
        }
        int total = 0;
        int ready = 0;
        for (StoredObject rs : store.ownedBy(ResourceCatalog.REPLICASETS, d.uid())) {
            JsonNode st = rs.tree().path("status");
            total += st.path("replicas").asInt(0);
            ready += st.path("readyReplicas").asInt(0);
        }
        int totalPods = total;
        int readyPods = ready;
        store.update(ResourceCatalog.DEPLOYMENTS, d.namespace(), d.name(), dep -> {
            ObjectNode st = Json.with(dep, "status");
            st.put("observedGeneration", dep.path("metadata").path("generation").asLong(1)).put("replicas", totalPods)
                    .put("updatedReplicas", totalPods).put("readyReplicas", readyPods).put("availableReplicas", readyPods);
            if (totalPods > readyPods) {
                st.put("unavailableReplicas", totalPods - readyPods);
            } else {
                st.remove("unavailableReplicas");
            }
            return dep;
        });
    }

    private static boolean sameTemplate(JsonNode deploymentTemplate, JsonNode rsTemplate) {
        ObjectNode copy = rsTemplate.deepCopy();
        JsonNode labels = copy.path("metadata").path("labels");
        if (labels instanceof ObjectNode l) {
            l.remove("pod-template-hash");
        }
        return copy.equals(deploymentTemplate);
    }

    private StoredObject createReplicaSet(StoredObject d, JsonNode tree, int revision) {
        String hash = Integer.toUnsignedString(tree.path("spec").path("template").hashCode(), 36);
        ObjectNode rs = Json.object();
        rs.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode meta = rs.putObject("metadata");
        meta.put("name", d.name() + "-" + hash).put("namespace", d.namespace());
        ObjectNode labels = meta.putObject("labels");
        tree.path("spec").path("template").path("metadata").path("labels").properties()
                .forEach(e -> labels.set(e.getKey(), e.getValue()));
        labels.put("pod-template-hash", hash);
        meta.putObject("annotations").put("deployment.kubernetes.io/revision", Integer.toString(revision));
        meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", d.name()).put("uid", d.uid()).put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", 0);
        ObjectNode selector = tree.path("spec").path("selector").deepCopy();
        Json.with(selector, "matchLabels").put("pod-template-hash", hash);
        spec.set("selector", selector);
        ObjectNode template = tree.path("spec").path("template").deepCopy();
        Json.with(Json.with(template, "metadata"), "labels").put("pod-template-hash", hash);
        spec.set("template", template);
        StoredObject created = store.create(ResourceCatalog.REPLICASETS, rs);
        events.record(d, "Normal", "ScalingReplicaSet", "Scaled up replica set " + created.name(), "deployment-controller");
        return created;
    }

    private void setReplicas(StoredObject rs, int replicas) {
        store.update(ResourceCatalog.REPLICASETS, rs.namespace(), rs.name(), r -> {
            Json.with(r, "spec").put("replicas", replicas);
            return r;
        });
    }

    private void syncReplicaSet(StoredObject rs) {
        JsonNode tree = rs.tree();
        int desired = tree.path("spec").path("replicas").asInt(1);
        List<StoredObject> live = new ArrayList<>(store.ownedBy(ResourceCatalog.PODS, rs.uid()).stream()
                .filter(p -> !p.terminating()).toList());
        int diff = desired - live.size();
        for (int i = 0; i < Math.min(diff, CREATES_PER_TICK); i++) {
            live.add(createPod(rs, tree));
        }
        if (diff > CREATES_PER_TICK) {
            replicaSets.add(rs.key());
        }
        if (diff < 0) {
            // Like the ReplicaSet controller: unscheduled first, then not running, then the youngest.
            live.sort(Comparator.comparing((StoredObject p) -> !p.nodeName().isEmpty())
                    .thenComparing(p -> p.phase().equals("Running"))
                    .thenComparing(StoredObject::resourceVersion, Comparator.reverseOrder()));
            for (StoredObject victim : live.subList(0, -diff)) {
                PodTermination.terminate(store, victim, -1);
                events.record(rs, "Normal", "SuccessfulDelete", "Deleted pod: " + victim.name(), "replicaset-controller");
            }
            live = live.subList(-diff, live.size());
        }
        int count = live.size();
        int ready = (int) live.stream().filter(p -> p.phase().equals("Running")).count();
        store.update(ResourceCatalog.REPLICASETS, rs.namespace(), rs.name(), r -> {
            Json.with(r, "status").put("replicas", count).put("fullyLabeledReplicas", count).put("readyReplicas", ready)
                    .put("availableReplicas", ready).put("observedGeneration", r.path("metadata").path("generation").asLong(1));
            return r;
        });
    }

    private StoredObject createPod(StoredObject rs, JsonNode tree) {
        JsonNode template = tree.path("spec").path("template");
        while (true) {
            ObjectNode pod = Pods.fromTemplate(template, rs.name() + "-" + suffix(), rs.namespace(), "ReplicaSet",
                    "apps/v1", rs.name(), rs.uid());
            if ("session".equals(template.path("metadata").path("labels").path("app.kubernetes.io/component").asText())) {
                String stream = freeStreams.isEmpty() ? FleetSeeder.channel(nextChannel++) : freeStreams.removeFirst();
                Json.with(Json.with(pod, "metadata"), "annotations").put(STREAM, stream);
            }
            try {
                StoredObject created = store.create(ResourceCatalog.PODS, pod);
                events.record(rs, "Normal", "SuccessfulCreate", "Created pod: " + created.name(), "replicaset-controller");
                return created;
            } catch (ApiException nameTaken) {
                if (nameTaken.code() != 409) {
                    throw nameTaken;
                }
            }
        }
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder sb = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

package io.fleetdeck.sim.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.api.Binding;
import io.fleetdeck.sim.control.AcceleratorCapacity;
import io.fleetdeck.sim.control.Pods;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Fills the store with a realistic fleet, straight into storage (not through HTTP) so 5,000 nodes
 * and 55,000 pods load in seconds. Deterministic for a given plan (timestamps aside).
 */
public final class FleetSeeder {
    private static final String[] CHANNELS = {"sports-hd", "news-hd", "movies-hd", "kids-hd", "music-hd", "docs-hd",
            "live-event", "regional-hd"};

    private final SeedPlan plan;
    private final Random random;
    private final Instant now = Instant.now();
    private final WorkloadFactory workloads = new WorkloadFactory(now);
    private final Map<ResourceType, List<ObjectNode>> out = new LinkedHashMap<>();
    /** Pods go to the store in batches as they are made, so 55k pod trees are never alive at once. */
    private final List<ObjectNode> podBatch = new ArrayList<>();
    private ObjectStore target;
    private int sessionCounter;
    private int podIpCounter;

    public FleetSeeder(SeedPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    static String poolUid(String pool) {
        return UUID.nameUUIDFromBytes(("nodepool/" + pool).getBytes()).toString();
    }

    /** The time-slicing configs of the fleet; t4-40 over-subscribes a few T4 nodes on purpose. */
    public static Map<String, String> timeSlicingData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("t4-28", AcceleratorCapacity.timeSlicingYaml(28));
        data.put("a10g-31", AcceleratorCapacity.timeSlicingYaml(31));
        data.put("t4-40", AcceleratorCapacity.timeSlicingYaml(40));
        return data;
    }

    public void seed(ObjectStore store) {
        this.target = store;
        for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease", "karpenter",
                WorkloadFactory.MONITORING, WorkloadFactory.STREAMING, AcceleratorCapacity.CONFIG_NAMESPACE)) {
            add(ResourceCatalog.NAMESPACES, workloads.namespace(ns));
        }
        Map<String, String> slicing = timeSlicingData();
        add(ResourceCatalog.CONFIGMAPS, workloads.timeSlicingConfig(slicing));
        List<SeededNode> nodes = nodes(new NodeFactory(random, now, slicing));
        Map<InstanceProfile, List<SeededNode>> byProfile = new EnumMap<>(InstanceProfile.class);
        for (SeededNode n : nodes) {
            byProfile.computeIfAbsent(n.profile(), k -> new ArrayList<>()).add(n);
            add(ResourceCatalog.NODES, n.node());
            add(ResourceCatalog.NODECLAIMS, n.nodeClaim());
        }
        for (InstanceProfile p : InstanceProfile.values()) {
            add(ResourceCatalog.NODEPOOLS, workloads.nodePool(p, byProfile.getOrDefault(p, List.of()).size()));
        }
        NodeFactory names = new NodeFactory(random, now, slicing);
        sessions(byProfile, names);
        exporters(nodes, names);
        for (Map.Entry<ResourceType, List<ObjectNode>> e : out.entrySet()) {
            store.bulkLoad(e.getKey(), e.getValue());
        }
        flushPods();
    }

    private void flushPods() {
        target.bulkLoad(ResourceCatalog.PODS, podBatch);
        podBatch.clear();
    }

    /** Pool shares: T4 40%, A10G 25%, T4G 10%, FPGA the rest; a few nodes NotReady, cordoned or mismatched. */
    private List<SeededNode> nodes(NodeFactory factory) {
        int n = plan.nodes();
        List<InstanceProfile> profiles = new ArrayList<>();
        int t4 = Math.max(1, n * 40 / 100);
        int a10g = Math.max(1, n * 25 / 100);
        int arm = Math.max(1, n * 10 / 100);
        for (int i = 0; i < n; i++) {
            profiles.add(i < t4 ? InstanceProfile.T4 : i < t4 + a10g ? InstanceProfile.A10G
                    : i < t4 + a10g + arm ? InstanceProfile.T4G : InstanceProfile.FPGA);
        }
        Collections.shuffle(profiles, random);
        int notReady = Math.max(1, n / 30);
        int cordoned = Math.max(1, n / 40);
        boolean gpuMismatch = false;
        boolean fpgaMismatch = false;
        int t4Seen = 0;
        List<SeededNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            InstanceProfile p = profiles.get(i);
            boolean mismatch = false;
            boolean ready = true;
            boolean cordon = false;
            if (p == InstanceProfile.T4 && !gpuMismatch) {
                mismatch = gpuMismatch = true;
            } else if (p == InstanceProfile.FPGA && !fpgaMismatch) {
                mismatch = fpgaMismatch = true;
            } else if (p != InstanceProfile.T4G && notReady > 0 && random.nextInt(4) == 0) {
                ready = false;
                notReady--;
            } else if (p != InstanceProfile.T4G && cordoned > 0 && random.nextInt(4) == 0) {
                cordon = true;
                cordoned--;
            }
            String config = p.deviceConfig;
            if (p == InstanceProfile.T4 && ++t4Seen % 12 == 6) {
                config = "t4-40";
            }
            nodes.add(factory.node(i, p, ready, cordon, mismatch, config));
        }
        return nodes;
    }

    private record EncoderDeployment(String name, String profile, InstanceProfile pool) {
    }

    private void sessions(Map<InstanceProfile, List<SeededNode>> byProfile, NodeFactory names) {
        List<EncoderDeployment> deployments = List.of(
                new EncoderDeployment("live-1080p-t4", "1080p25", InstanceProfile.T4),
                new EncoderDeployment("live-720p-t4", "720p25", InstanceProfile.T4),
                new EncoderDeployment("live-1080p-a10g", "1080p25", InstanceProfile.A10G),
                new EncoderDeployment("live-1080p-arm", "1080p25", InstanceProfile.T4G),
                new EncoderDeployment("live-2160p-fpga", "2160p25", InstanceProfile.FPGA));
        Map<String, Integer> podsByDeployment = new LinkedHashMap<>();
        Map<String, Integer> pending = new LinkedHashMap<>();
        Map<String, ObjectNode> rsByDeployment = new LinkedHashMap<>();
        for (EncoderDeployment d : deployments) {
            ObjectNode template = workloads.encoderTemplate(d.name(), d.profile(), d.pool());
            String hash = names.suffix(10).substring(0, 10);
            ObjectNode deployment = workloads.deployment(d.name(), names.uuid(), template, 0, 0);
            ObjectNode rs = workloads.replicaSet(d.name() + "-" + hash, names.uuid(), hash, deployment, 0);
            add(ResourceCatalog.DEPLOYMENTS, deployment);
            rsByDeployment.put(d.name(), rs);
            podsByDeployment.put(d.name(), 0);
            add(ResourceCatalog.PDBS, workloads.pdb(d.name(), "10%"));
        }
        for (Map.Entry<InstanceProfile, List<SeededNode>> e : byProfile.entrySet()) {
            List<EncoderDeployment> mine = deployments.stream().filter(d -> d.pool() == e.getKey()).toList();
            // The Arm pool is the one that runs full: its extra sessions stay Pending (FIELD: cheapest $/session).
            double fill = e.getKey() == InstanceProfile.T4G ? 1.0 : plan.sessionFill();
            for (SeededNode node : e.getValue()) {
                if (!node.acceptsSessions()) {
                    continue;
                }
                int count = (int) Math.min(node.allocatable(), Math.round(node.allocatable() * fill * (0.8 + random.nextDouble() * 0.4)));
                if (fill >= 1.0) {
                    count = node.allocatable();
                }
                for (int i = 0; i < count; i++) {
                    EncoderDeployment d = mine.get(random.nextInt(mine.size()));
                    ObjectNode rs = rsByDeployment.get(d.name());
                    add(ResourceCatalog.PODS, sessionPod(rs, names, node));
                    podsByDeployment.merge(d.name(), 1, Integer::sum);
                }
            }
            if (e.getKey() == InstanceProfile.T4G) {
                EncoderDeployment d = mine.getFirst();
                int extra = Math.min(12, Math.max(4, e.getValue().size()));
                pending.put(d.name(), extra);
                for (int i = 0; i < extra; i++) {
                    add(ResourceCatalog.PODS, pendingPod(rsByDeployment.get(d.name()), names, d.pool()));
                    podsByDeployment.merge(d.name(), 1, Integer::sum);
                }
            }
        }
        for (ObjectNode deployment : out.get(ResourceCatalog.DEPLOYMENTS)) {
            String name = deployment.path("metadata").path("name").asText();
            int total = podsByDeployment.get(name);
            int ready = total - pending.getOrDefault(name, 0);
            ((ObjectNode) deployment.get("spec")).put("replicas", total);
            deploymentStatus(deployment, total, ready);
            ObjectNode rs = rsByDeployment.get(name);
            ((ObjectNode) rs.get("spec")).put("replicas", total);
            ObjectNode st = rs.putObject("status");
            st.put("replicas", total).put("fullyLabeledReplicas", total).put("readyReplicas", ready)
                    .put("availableReplicas", ready).put("observedGeneration", 1);
            add(ResourceCatalog.REPLICASETS, rs);
        }
    }

    static void deploymentStatus(ObjectNode deployment, int total, int ready) {
        ObjectNode st = deployment.putObject("status");
        st.put("observedGeneration", deployment.path("metadata").path("generation").asLong(1)).put("replicas", total)
                .put("updatedReplicas", total).put("readyReplicas", ready).put("availableReplicas", ready);
        if (total > ready) {
            st.put("unavailableReplicas", total - ready);
        }
        st.putArray("conditions").addObject().put("type", "Available").put("status", "True")
                .put("reason", "MinimumReplicasAvailable").put("message", "Deployment has minimum availability.");
    }

    private ObjectNode sessionPod(ObjectNode rs, NodeFactory names, SeededNode node) {
        ObjectNode pod = newSessionPod(rs, names);
        ((ObjectNode) pod.get("spec")).put("nodeName", node.name());
        Pods.markRunning(pod, hostIp(node), nextPodIp(), now.minusSeconds(60 + random.nextInt(6 * 3600)));
        return pod;
    }

    private ObjectNode pendingPod(ObjectNode rs, NodeFactory names, InstanceProfile pool) {
        ObjectNode pod = newSessionPod(rs, names);
        int poolNodes = out.get(ResourceCatalog.NODES).size();
        int matching = out.get(ResourceCatalog.NODEPOOLS).stream()
                .filter(p -> p.path("metadata").path("name").asText().equals(pool.nodePool))
                .mapToInt(p -> p.path("status").path("resources").path("nodes").asInt()).sum();
        Binding.setCondition(pod, "PodScheduled", "False", "Unschedulable",
                "0/" + poolNodes + " nodes are available: " + matching + " Insufficient " + pool.resource() + ", "
                        + (poolNodes - matching) + " node(s) didn't match Pod's node affinity/selector. preemption: 0/"
                        + poolNodes + " nodes are available: " + matching + " No preemption victims found for incoming pod, "
                        + (poolNodes - matching) + " Preemption is not helpful for scheduling.");
        return pod;
    }

    private ObjectNode newSessionPod(ObjectNode rs, NodeFactory names) {
        String rsName = rs.path("metadata").path("name").asText();
        ObjectNode pod = Pods.fromTemplate(rs.path("spec").path("template"), rsName + "-" + names.suffix(5),
                WorkloadFactory.STREAMING, "ReplicaSet", "apps/v1", rsName, rs.path("metadata").path("uid").asText());
        ObjectNode meta = (ObjectNode) pod.get("metadata");
        meta.put("uid", names.uuid()).put("creationTimestamp", Json.timestamp(now.minusSeconds(120 + random.nextInt(7200))));
        Json.with(meta, "annotations").put("fleetdeck.io/stream", channel(sessionCounter++));
        return pod;
    }

    public static String channel(int index) {
        return CHANNELS[index % CHANNELS.length] + "-" + String.format("%03d", index / CHANNELS.length + 1);
    }

    public static int channelCount() {
        return CHANNELS.length;
    }

    /** One exporter pod per node: dcgm-exporter on GPU nodes, fpga-exporter on FPGA nodes. */
    private void exporters(List<SeededNode> nodes, NodeFactory names) {
        ObjectNode dcgm = workloads.daemonSet("dcgm-exporter", names.uuid(),
                "nvcr.io/nvidia/k8s/dcgm-exporter:3.3.9-3.6.1-ubuntu22.04", 9400, "nvidia.com/gpu.present");
        ObjectNode fpga = workloads.daemonSet("fpga-exporter", names.uuid(), "registry.fleetdeck.io/fpga-exporter:0.3.0",
                9500, InstanceProfile.FPGA_RESOURCE + "/present");
        int gpuNodes = 0;
        for (SeededNode node : nodes) {
            ObjectNode ds = node.profile().isGpu() ? dcgm : fpga;
            gpuNodes += node.profile().isGpu() ? 1 : 0;
            String dsName = ds.path("metadata").path("name").asText();
            ObjectNode pod = Pods.fromTemplate(ds.path("spec").path("template"), dsName + "-" + names.suffix(5),
                    WorkloadFactory.MONITORING, "DaemonSet", "apps/v1", dsName, ds.path("metadata").path("uid").asText());
            ObjectNode meta = (ObjectNode) pod.get("metadata");
            meta.put("uid", names.uuid()).put("creationTimestamp", node.node().path("metadata").path("creationTimestamp").asText());
            ObjectNode spec = (ObjectNode) pod.get("spec");
            spec.put("nodeName", node.name());
            spec.putObject("affinity").putObject("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution")
                    .putArray("nodeSelectorTerms").addObject().putArray("matchFields").addObject()
                    .put("key", "metadata.name").put("operator", "In").putArray("values").add(node.name());
            Pods.markRunning(pod, hostIp(node), nextPodIp(),
                    Instant.parse(node.node().path("metadata").path("creationTimestamp").asText()).plusSeconds(70));
            add(ResourceCatalog.PODS, pod);
        }
        daemonSetStatus(dcgm, gpuNodes);
        daemonSetStatus(fpga, nodes.size() - gpuNodes);
        add(ResourceCatalog.DAEMONSETS, dcgm);
        add(ResourceCatalog.DAEMONSETS, fpga);
        add(ResourceCatalog.SERVICES, workloads.service("dcgm-exporter", WorkloadFactory.MONITORING, 9400,
                "app.kubernetes.io/name", "dcgm-exporter"));
        add(ResourceCatalog.SERVICES, workloads.service("fpga-exporter", WorkloadFactory.MONITORING, 9500,
                "app.kubernetes.io/name", "fpga-exporter"));
    }

    private static void daemonSetStatus(ObjectNode ds, int nodes) {
        ds.putObject("status").put("currentNumberScheduled", nodes).put("desiredNumberScheduled", nodes)
                .put("numberAvailable", nodes).put("numberReady", nodes).put("numberMisscheduled", 0)
                .put("updatedNumberScheduled", nodes).put("observedGeneration", 1);
    }

    private static String hostIp(SeededNode node) {
        return node.node().path("status").path("addresses").path(0).path("address").asText();
    }

    private String nextPodIp() {
        int c = podIpCounter++;
        return "10." + (64 + c / 65024) + "." + (c / 254 % 256) + "." + (c % 254 + 1);
    }

    private void add(ResourceType type, ObjectNode obj) {
        if (type == ResourceCatalog.PODS) {
            podBatch.add(obj);
            if (podBatch.size() >= 2000) {
                flushPods();
            }
            return;
        }
        out.computeIfAbsent(type, k -> new ArrayList<>()).add(obj);
    }
}

package io.fleetdeck.sim.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.control.AcceleratorCapacity;
import io.fleetdeck.sim.store.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.UUID;

/** Builds Nodes and their Karpenter NodeClaims with the labels, images and status of the real systems. */
final class NodeFactory {
    static final String FLATCAR_PREFIX = "flatcar-linux-update.v1.flatcar-linux.net/";
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final String[] FLATCAR_STATUS = {"UPDATE_STATUS_IDLE", "UPDATE_STATUS_IDLE", "UPDATE_STATUS_IDLE",
            "UPDATE_STATUS_IDLE", "UPDATE_STATUS_UPDATE_AVAILABLE", "UPDATE_STATUS_DOWNLOADING",
            "UPDATE_STATUS_UPDATED_NEED_REBOOT"};

    private final Random random;
    private final Instant now;
    private final Map<String, String> timeSlicing;
    private final Set<String> usedSuffixes = new HashSet<>();

    NodeFactory(Random random, Instant now, Map<String, String> timeSlicing) {
        this.random = random;
        this.now = now;
        this.timeSlicing = timeSlicing;
    }

    /**
     * @param mismatch the node booted a kernel its accelerator driver was not built for
     * @param deviceConfig the time-slicing config the node's label selects (GPU nodes)
     */
    SeededNode node(int index, InstanceProfile p, boolean ready, boolean cordoned, boolean mismatch, String deviceConfig) {
        int zone = index % 3;
        int slot = index / 3;
        String ip = "10.0." + (zone * 64 + slot / 250) + "." + (slot % 250 + 4);
        String name = "ip-" + ip.replace('.', '-') + ".ec2.internal";
        boolean bottlerocket = p == InstanceProfile.T4G || random.nextInt(10) < 3;
        String claimName = p.nodePool + "-" + suffix(5);
        String claimUid = uuid();
        String instanceId = "i-0" + Long.toHexString(random.nextLong() & 0xffffffffffffL) + "a";
        String providerId = "aws:///" + ZONES[zone] + "/" + instanceId;
        Instant created = now.minusSeconds(3600 + random.nextInt(14 * 24 * 3600));
        boolean spot = random.nextInt(10) < 4;

        ObjectNode node = Json.object();
        node.put("apiVersion", "v1").put("kind", "Node");
        ObjectNode meta = node.putObject("metadata");
        meta.put("name", name).put("uid", uuid()).put("creationTimestamp", Json.timestamp(created));
        ObjectNode labels = meta.putObject("labels");
        labels.put("kubernetes.io/arch", p.arch).put("kubernetes.io/os", "linux").put("kubernetes.io/hostname", name)
                .put("beta.kubernetes.io/arch", p.arch).put("beta.kubernetes.io/os", "linux")
                .put("node.kubernetes.io/instance-type", p.instanceType).put("topology.kubernetes.io/region", "us-east-1")
                .put("topology.kubernetes.io/zone", ZONES[zone]).put("karpenter.sh/nodepool", p.nodePool)
                .put("karpenter.sh/capacity-type", spot ? "spot" : "on-demand").put("karpenter.sh/registered", "true")
                .put("karpenter.sh/initialized", "true").put("karpenter.k8s.aws/ec2nodeclass", "default");
        ObjectNode annotations = meta.putObject("annotations");
        annotations.put("karpenter.sh/nodepool-hash", "4012513481623584108").put("karpenter.sh/nodepool-hash-version", "v3")
                .put("node.alpha.kubernetes.io/ttl", "0");
        meta.putArray("ownerReferences").addObject().put("apiVersion", "karpenter.sh/v1").put("kind", "NodeClaim")
                .put("name", claimName).put("uid", claimUid).put("blockOwnerDeletion", true);

        String osImage;
        String kernel;
        String runtime;
        String kubelet;
        if (bottlerocket) {
            osImage = "Bottlerocket OS 1.26." + (random.nextInt(3)) + " (aws-k8s-1.31" + (p.isGpu() ? "-nvidia" : "") + ")";
            kernel = mismatch ? "6.1.124" : "6.1.119";
            runtime = "containerd://1.7.24+bottlerocket";
            kubelet = "v1.31.4-eks-0f56d01";
        } else {
            osImage = mismatch ? "Flatcar Container Linux by Kinvolk 4081.2.1 (Oklo)"
                    : "Flatcar Container Linux by Kinvolk 4081.2.0 (Oklo)";
            kernel = mismatch ? "6.6.63-flatcar" : "6.6.60-flatcar";
            runtime = "containerd://1.7.23";
            kubelet = "v1.31.4";
            flatcarAnnotations(annotations, mismatch);
        }

        int accelerators;
        int advertised;
        if (p.isGpu()) {
            int replicas = AcceleratorCapacity.replicas(timeSlicing, deviceConfig);
            gpuLabels(labels, p, replicas, deviceConfig, created);
            accelerators = p.devices * replicas;
        } else {
            labels.put(InstanceProfile.FPGA_RESOURCE + "/present", "true")
                    .put(InstanceProfile.FPGA_RESOURCE + "/card-count", Integer.toString(p.devices))
                    .put(InstanceProfile.FPGA_RESOURCE + "/shell", "xilinx_u30_gen3x4_base_2")
                    .put(InstanceProfile.FPGA_RESOURCE + "/firmware-version", random.nextInt(6) == 0 ? "2.1.5" : "2.1.7");
            accelerators = p.devices;
        }
        advertised = AcceleratorCapacity.driverLoads(kernel) ? accelerators : 0;

        ObjectNode spec = node.putObject("spec");
        spec.put("providerID", providerId);
        ArrayNode taints = spec.putArray("taints");
        if (cordoned) {
            spec.put("unschedulable", true);
            taints.addObject().put("key", "node.kubernetes.io/unschedulable").put("effect", "NoSchedule")
                    .put("timeAdded", Json.timestamp(now.minusSeconds(1800)));
        }
        if (!ready) {
            taints.addObject().put("key", "node.kubernetes.io/unreachable").put("effect", "NoSchedule")
                    .put("timeAdded", Json.timestamp(now.minusSeconds(240)));
            taints.addObject().put("key", "node.kubernetes.io/unreachable").put("effect", "NoExecute")
                    .put("timeAdded", Json.timestamp(now.minusSeconds(240)));
        }
        if (taints.isEmpty()) {
            spec.remove("taints");
        }

        ObjectNode status = node.putObject("status");
        ObjectNode capacity = status.putObject("capacity");
        long memKi = p.memoryGiB * 1024L * 1024 - 380_000;
        capacity.put("cpu", Integer.toString(p.cpus)).put("memory", memKi + "Ki").put("pods", "110")
                .put("ephemeral-storage", "104845292Ki").put("hugepages-2Mi", "0").put(p.resource(), Integer.toString(accelerators));
        ObjectNode allocatable = status.putObject("allocatable");
        allocatable.put("cpu", (p.cpus * 1000 - 90) + "m").put("memory", (memKi - 1_150_000) + "Ki").put("pods", "110")
                .put("ephemeral-storage", "95551679124").put("hugepages-2Mi", "0").put(p.resource(), Integer.toString(advertised));
        conditions(status.putArray("conditions"), ready, created);
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", ip);
        addresses.addObject().put("type", "InternalDNS").put("address", name);
        addresses.addObject().put("type", "Hostname").put("address", name);
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
        status.putObject("nodeInfo").put("machineID", hex(32)).put("systemUUID", "ec2" + hex(5) + "-" + hex(4))
                .put("bootID", uuid()).put("kernelVersion", kernel).put("osImage", osImage)
                .put("containerRuntimeVersion", runtime).put("kubeletVersion", kubelet).put("kubeProxyVersion", kubelet)
                .put("operatingSystem", "linux").put("architecture", p.arch);

        ObjectNode claim = nodeClaim(claimName, claimUid, p, name, providerId, labels, capacity, allocatable, created);
        return new SeededNode(name, p, node, claim, ready, cordoned, advertised);
    }

    private void gpuLabels(ObjectNode labels, InstanceProfile p, int replicas, String config, Instant created) {
        labels.put("nvidia.com/gpu.present", "true")
                .put("nvidia.com/gpu.product", p.gpuProduct + (replicas > 1 ? "-SHARED" : ""))
                .put("nvidia.com/gpu.count", Integer.toString(p.devices)).put("nvidia.com/gpu.replicas", Integer.toString(replicas))
                .put("nvidia.com/gpu.memory", Integer.toString(p.gpuMemoryMiB)).put("nvidia.com/gpu.family", p.gpuFamily)
                .put("nvidia.com/gpu.sharing-strategy", replicas > 1 ? "time-slicing" : "none")
                .put("nvidia.com/cuda.driver-version.major", "550").put("nvidia.com/cuda.driver-version.minor", "127")
                .put("nvidia.com/cuda.driver-version.revision", "05").put("nvidia.com/cuda.driver-version.full", "550.127.05")
                .put("nvidia.com/cuda.runtime-version.major", "12").put("nvidia.com/cuda.runtime-version.minor", "4")
                .put(AcceleratorCapacity.CONFIG_LABEL, config)
                .put("nvidia.com/gfd.timestamp", Long.toString(created.getEpochSecond() + 90));
    }

    private void flatcarAnnotations(ObjectNode annotations, boolean justUpdated) {
        String status = justUpdated ? "UPDATE_STATUS_IDLE" : FLATCAR_STATUS[random.nextInt(FLATCAR_STATUS.length)];
        boolean needReboot = status.equals("UPDATE_STATUS_UPDATED_NEED_REBOOT");
        annotations.put(FLATCAR_PREFIX + "status", status)
                .put(FLATCAR_PREFIX + "reboot-needed", Boolean.toString(needReboot))
                .put(FLATCAR_PREFIX + "reboot-in-progress", "false")
                .put(FLATCAR_PREFIX + "reboot-ok", "false")
                .put(FLATCAR_PREFIX + "last-checked-time", Long.toString(now.getEpochSecond() - random.nextInt(3600)))
                .put(FLATCAR_PREFIX + "new-version", status.equals("UPDATE_STATUS_IDLE")
                        ? (justUpdated ? "4081.2.1" : "0.0.0") : "4081.2.1");
    }

    private void conditions(ArrayNode conditions, boolean ready, Instant created) {
        String heartbeat = Json.timestamp(now.minusSeconds(random.nextInt(40)));
        String since = Json.timestamp(created.plusSeconds(52));
        for (String[] c : new String[][] {
                {"MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
                {"DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
                {"PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"}}) {
            conditions.addObject().put("type", c[0]).put("status", ready ? "False" : "Unknown")
                    .put("reason", ready ? c[1] : "NodeStatusUnknown")
                    .put("message", ready ? c[2] : "Kubelet stopped posting node status.")
                    .put("lastHeartbeatTime", heartbeat).put("lastTransitionTime", since);
        }
        conditions.addObject().put("type", "Ready").put("status", ready ? "True" : "Unknown")
                .put("reason", ready ? "KubeletReady" : "NodeStatusUnknown")
                .put("message", ready ? "kubelet is posting ready status" : "Kubelet stopped posting node status.")
                .put("lastHeartbeatTime", ready ? heartbeat : Json.timestamp(now.minusSeconds(300)))
                .put("lastTransitionTime", ready ? since : Json.timestamp(now.minusSeconds(240)));
    }

    private ObjectNode nodeClaim(String name, String uid, InstanceProfile p, String nodeName, String providerId,
                                 ObjectNode nodeLabels, ObjectNode capacity, ObjectNode allocatable, Instant created) {
        ObjectNode claim = Json.object();
        claim.put("apiVersion", "karpenter.sh/v1").put("kind", "NodeClaim");
        ObjectNode meta = claim.putObject("metadata");
        meta.put("name", name).put("uid", uid).put("creationTimestamp", Json.timestamp(created.minusSeconds(52)));
        ObjectNode labels = meta.putObject("labels");
        for (String k : new String[] {"karpenter.sh/nodepool", "karpenter.sh/capacity-type", "node.kubernetes.io/instance-type",
                "topology.kubernetes.io/zone", "kubernetes.io/arch", "kubernetes.io/os"}) {
            labels.set(k, nodeLabels.get(k));
        }
        meta.putArray("finalizers").add("karpenter.sh/termination");
        meta.putArray("ownerReferences").addObject().put("apiVersion", "karpenter.sh/v1").put("kind", "NodePool")
                .put("name", p.nodePool).put("uid", FleetSeeder.poolUid(p.nodePool)).put("blockOwnerDeletion", true);
        ObjectNode spec = claim.putObject("spec");
        spec.putObject("nodeClassRef").put("group", "karpenter.k8s.aws").put("kind", "EC2NodeClass").put("name", "default");
        spec.put("expireAfter", "720h").put("terminationGracePeriod", "48h");
        spec.putArray("requirements").addObject().put("key", "node.kubernetes.io/instance-type").put("operator", "In")
                .putArray("values").add(p.instanceType);
        spec.putObject("resources").putObject("requests").put("cpu", "250m").put("pods", "1");
        ObjectNode status = claim.putObject("status");
        status.put("nodeName", nodeName).put("providerID", providerId)
                .put("imageID", "ami-0" + hex(16)).set("capacity", capacity.deepCopy());
        status.set("allocatable", allocatable.deepCopy());
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[] {"Launched", "Registered", "Initialized", "Ready"}) {
            conditions.addObject().put("type", type).put("status", "True").put("reason", type)
                    .put("message", "").put("lastTransitionTime", Json.timestamp(created));
        }
        return claim;
    }

    /** A random name suffix like Kubernetes generates (consonants and digits), unique within this seed. */
    String suffix(int n) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        while (true) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (usedSuffixes.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}

package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Map;
import java.util.UUID;

/** Nodes and pods shaped like the fleet's: labels, annotations, conditions, a few containers. */
final class Fixtures {
    private Fixtures() {
    }

    static Node node(String name) {
        return new NodeBuilder()
                .withNewMetadata().withName(name)
                .addToLabels("node.kubernetes.io/instance-type", "g4dn.xlarge")
                .addToLabels("kubernetes.io/arch", "amd64")
                .addToLabels("nvidia.com/gpu.product", "Tesla-T4-SHARED")
                .endMetadata()
                .withNewSpec().addNewTaint().withKey("nvidia.com/gpu").withValue("present").withEffect("NoSchedule")
                .endTaint().endSpec()
                .withNewStatus()
                .addToCapacity("nvidia.com/gpu", new Quantity("10"))
                .addToCapacity("memory", new Quantity("16Gi"))
                .addToAllocatable("nvidia.com/gpu", new Quantity("10"))
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withLastTransitionTime("2026-03-01T10:00:00Z").endCondition()
                .withNewNodeInfo().withOsImage("Flatcar Container Linux 4152.2.0").withKernelVersion("6.6.60")
                .withKubeletVersion("v1.33.1").withContainerRuntimeVersion("containerd://1.7.23").endNodeInfo()
                .endStatus()
                .build();
    }

    static Pod pod(String ns, String name, String nodeName) {
        return new PodBuilder()
                .withNewMetadata().withNamespace(ns).withName(name)
                .addToAnnotations("fleetdeck.io/stream", name)
                .endMetadata()
                .withNewSpec().withNodeName(nodeName)
                .addToContainers(new ContainerBuilder().withName("enc").withImage("encoder:1")
                        .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("1")).endResources().build())
                .endSpec()
                .withNewStatus().withPhase("Running").endStatus()
                .build();
    }

    /** A pod as the API returns it, managed fields included, to measure what a cache of them costs. */
    static Pod realisticPod(int i) {
        String name = "encoder-live-" + Integer.toHexString(i * 7919) + "-" + (i % 97);
        String uid = UUID.nameUUIDFromBytes(("pod" + i).getBytes()).toString();
        PodBuilder b = new PodBuilder()
                .withNewMetadata().withNamespace("streams-" + (i % 20)).withName(name).withUid(uid)
                .withResourceVersion(Integer.toString(100_000 + i)).withGeneration(1L)
                .withCreationTimestamp("2026-03-01T10:%02d:%02dZ".formatted(i % 60, (i / 60) % 60))
                .withLabels(Map.of("app", "encoder-live", "pod-template-hash", "7d9f8c6b5" + (i % 10),
                        "fleetdeck.io/tier", "live", "channel", "ch-" + (i % 500)))
                .withAnnotations(Map.of("fleetdeck.io/stream", "channel-" + i,
                        "fleetdeck.io/preview-url", "srt://10.0." + (i % 250) + ".7:9000?streamid=ch" + i,
                        "fleetdeck.io/target-fps", "60",
                        "kubectl.kubernetes.io/restartedAt", "2026-02-28T08:00:00Z"))
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName("encoder-live-7d9f8c6b5" + (i % 10)).withUid(UUID.randomUUID().toString())
                .withController(true).withBlockOwnerDeletion(true).endOwnerReference()
                .addNewManagedField().withManager("kube-controller-manager").withOperation("Update")
                .withApiVersion("v1").withTime("2026-03-01T10:00:00Z").withFieldsType("FieldsV1")
                .withNewFieldsV1().addToAdditionalProperties("f:metadata", Map.of("f:labels",
                        Map.of("f:app", Map.of(), "f:channel", Map.of()))).endFieldsV1().endManagedField()
                .endMetadata()
                .withNewSpec().withNodeName("gpu-node-" + (i % 5000)).withServiceAccountName("encoder")
                .withRestartPolicy("Always").withSchedulerName("default-scheduler")
                .addToContainers(container("encoder", "registry.example.com/fleet/encoder:2.14.1", true),
                        container("metrics", "registry.example.com/fleet/metrics-sidecar:0.9", false),
                        container("log-shipper", "fluent/fluent-bit:3.1", false))
                .addNewToleration().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule")
                .endToleration()
                .addNewVolume().withName("kube-api-access").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .withNewStatus().withPhase("Running").withHostIP("10.1." + (i % 250) + ".10")
                .withPodIP("100.64." + (i % 250) + "." + (i % 200)).withStartTime("2026-03-01T10:00:05Z")
                .withQosClass("Burstable").endStatus();
        for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                "PodScheduled"}) {
            b.editStatus().addNewCondition().withType(type).withStatus("True")
                    .withLastTransitionTime("2026-03-01T10:00:06Z").endCondition().endStatus();
        }
        for (String c : new String[] {"encoder", "metrics", "log-shipper"}) {
            b.editStatus().addNewContainerStatus().withName(c).withReady(true).withStarted(true)
                    .withRestartCount(i % 3).withImage("registry.example.com/fleet/" + c + ":1")
                    .withImageID("registry.example.com/fleet/" + c + "@sha256:" + "ab12".repeat(16))
                    .withContainerID("containerd://" + UUID.nameUUIDFromBytes((c + i).getBytes()).toString()
                            .replace("-", "") + "0123456789abcdef0123456789abcdef")
                    .withNewState().withNewRunning().withStartedAt("2026-03-01T10:00:07Z").endRunning().endState()
                    .endContainerStatus().endStatus();
        }
        return b.build();
    }

    private static Container container(String name, String image, boolean gpu) {
        ContainerBuilder c = new ContainerBuilder().withName(name).withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .addNewEnv().withName("STREAM_ID").withValue(name + "-stream").endEnv()
                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                .addNewVolumeMount().withName("kube-api-access").withMountPath("/var/run/secrets/x").endVolumeMount()
                .withTerminationMessagePath("/dev/termination-log").withTerminationMessagePolicy("File")
                .withNewResources()
                .addToRequests("cpu", new Quantity(gpu ? "2" : "100m"))
                .addToRequests("memory", new Quantity(gpu ? "4Gi" : "128Mi"))
                .addToLimits("memory", new Quantity(gpu ? "6Gi" : "256Mi"))
                .endResources();
        if (gpu) {
            c.addNewPort().withName("srt").withContainerPort(9000).withProtocol("UDP").endPort();
            c.editResources().addToLimits("nvidia.com/gpu", new Quantity("1")).endResources();
        }
        return c.build();
    }
}

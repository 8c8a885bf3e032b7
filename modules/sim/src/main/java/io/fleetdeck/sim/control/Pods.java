package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.api.Binding;
import io.fleetdeck.sim.store.Json;
import java.time.Instant;

/** Pod shapes shared by the seeder and the controllers: a pod from a template, and a running pod's status. */
public final class Pods {
    private Pods() {
    }

    /** A new pod as a ReplicaSet or DaemonSet controller creates it from its template. */
    public static ObjectNode fromTemplate(JsonNode template, String name, String namespace, String ownerKind,
                                          String ownerApiVersion, String ownerName, String ownerUid) {
        ObjectNode pod = Json.object();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", name).put("generateName", ownerName + "-").put("namespace", namespace);
        meta.set("labels", template.path("metadata").path("labels").deepCopy());
        if (template.path("metadata").has("annotations")) {
            meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
        }
        meta.putArray("ownerReferences").addObject().put("apiVersion", ownerApiVersion).put("kind", ownerKind)
                .put("name", ownerName).put("uid", ownerUid).put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = template.path("spec").deepCopy();
        spec.put("restartPolicy", spec.path("restartPolicy").asText("Always"))
                .put("dnsPolicy", "ClusterFirst").put("schedulerName", "default-scheduler")
                .put("serviceAccountName", "default").put("enableServiceLinks", true).put("priority", 0)
                .put("preemptionPolicy", "PreemptLowerPriority");
        if (!spec.has("terminationGracePeriodSeconds")) {
            spec.put("terminationGracePeriodSeconds", 30);
        }
        ArrayNode tolerations = spec.has("tolerations") ? (ArrayNode) spec.get("tolerations") : spec.putArray("tolerations");
        for (String key : new String[] {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
            tolerations.addObject().put("key", key).put("operator", "Exists").put("effect", "NoExecute")
                    .put("tolerationSeconds", 300);
        }
        pod.set("spec", spec);
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Pending").put("qosClass", "Burstable");
        return pod;
    }

    /** The status the kubelet reports once the containers run. */
    public static void markRunning(ObjectNode pod, String hostIp, String podIp, Instant started) {
        ObjectNode status = Json.with(pod, "status");
        String t = Json.timestamp(started);
        status.put("phase", "Running").put("hostIP", hostIp).put("podIP", podIp).put("startTime", t);
        status.putArray("hostIPs").addObject().put("ip", hostIp);
        status.putArray("podIPs").addObject().put("ip", podIp);
        for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                "PodScheduled"}) {
            Binding.setCondition(pod, type, "True", null, null);
        }
        for (JsonNode c : status.path("conditions")) {
            ((ObjectNode) c).put("lastTransitionTime", t);
        }
        ArrayNode statuses = status.putArray("containerStatuses");
        int i = 0;
        for (JsonNode c : pod.path("spec").path("containers")) {
            String image = c.path("image").asText();
            statuses.addObject().put("name", c.path("name").asText()).put("ready", true).put("started", true)
                    .put("restartCount", 0).put("image", image)
                    .put("imageID", image.replaceAll(":[^:/]+$", "") + "@sha256:" + sha(image))
                    .put("containerID", "containerd://" + sha(pod.path("metadata").path("name").asText() + i++))
                    .putObject("state").putObject("running").put("startedAt", t);
        }
    }

    /** Ids only need to be stable and distinct per input; 64 hex digits like a containerd digest. */
    private static String sha(String s) {
        String h = Long.toHexString(((long) s.hashCode() << 32) ^ s.length() * 0x9E3779B97F4A7C15L);
        return (h + h + h + h + h + h + h + h + "0000000000000000").substring(0, 64);
    }
}

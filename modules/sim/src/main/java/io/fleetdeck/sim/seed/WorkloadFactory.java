package io.fleetdeck.sim.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.control.AcceleratorCapacity;
import io.fleetdeck.sim.store.Json;
import java.time.Instant;
import java.util.Map;

/** Namespaces, the time-slicing ConfigMap, NodePools and the workload objects of the demo fleet. */
final class WorkloadFactory {
    static final String STREAMING = "streaming";
    static final String MONITORING = "monitoring";
    static final String ENCODER_IMAGE = "registry.fleetdeck.io/encoder:2.4.1";

    private final Instant now;

    WorkloadFactory(Instant now) {
        this.now = now;
    }

    ObjectNode namespace(String name) {
        ObjectNode ns = object("v1", "Namespace", name, null, now.minusSeconds(30 * 24 * 3600));
        ns.withObjectProperty("metadata").putObject("labels").put("kubernetes.io/metadata.name", name);
        ns.putObject("spec").putArray("finalizers").add("kubernetes");
        ns.putObject("status").put("phase", "Active");
        return ns;
    }

    ObjectNode timeSlicingConfig(Map<String, String> data) {
        ObjectNode cm = object("v1", "ConfigMap", AcceleratorCapacity.CONFIG_NAME, AcceleratorCapacity.CONFIG_NAMESPACE,
                now.minusSeconds(20 * 24 * 3600));
        ObjectNode d = cm.putObject("data");
        data.forEach(d::put);
        return cm;
    }

    ObjectNode nodePool(InstanceProfile p, int nodes) {
        ObjectNode pool = object("karpenter.sh/v1", "NodePool", p.nodePool, null, now.minusSeconds(30 * 24 * 3600));
        pool.withObjectProperty("metadata").put("uid", FleetSeeder.poolUid(p.nodePool))
                .putObject("annotations").put("karpenter.sh/nodepool-hash", "4012513481623584108");
        ObjectNode spec = pool.putObject("spec");
        spec.put("weight", p.isGpu() ? 10 : 5);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("fleetdeck.io/pool", p.nodePool);
        ObjectNode ts = template.putObject("spec");
        ts.putObject("nodeClassRef").put("group", "karpenter.k8s.aws").put("kind", "EC2NodeClass").put("name", "default");
        ts.put("expireAfter", "720h").put("terminationGracePeriod", "48h");
        ArrayNode req = ts.putArray("requirements");
        requirement(req, "node.kubernetes.io/instance-type", p.instanceType);
        requirement(req, "kubernetes.io/arch", p.arch);
        requirement(req, "karpenter.sh/capacity-type", "spot", "on-demand");
        requirement(req, "topology.kubernetes.io/zone", "us-east-1a", "us-east-1b", "us-east-1c");
        ObjectNode limits = spec.putObject("limits");
        limits.put("cpu", Integer.toString(p.cpus * nodes * 2)).put(p.resource(), Integer.toString(nodes * 2 * 31));
        ObjectNode disruption = spec.putObject("disruption");
        disruption.put("consolidationPolicy", "WhenEmptyOrUnderutilized").put("consolidateAfter", "10m");
        disruption.putArray("budgets").addObject().put("nodes", "10%");
        ObjectNode status = pool.putObject("status");
        status.putObject("resources").put("nodes", Integer.toString(nodes)).put("cpu", Integer.toString(p.cpus * nodes));
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True").put("reason", "Ready")
                .put("message", "").put("lastTransitionTime", Json.timestamp(now.minusSeconds(29 * 24 * 3600)));
        return pool;
    }

    private static void requirement(ArrayNode reqs, String key, String... values) {
        ArrayNode v = reqs.addObject().put("key", key).put("operator", "In").putArray("values");
        for (String value : values) {
            v.add(value);
        }
    }

    /** The pod template of an encoder Deployment: one slice of the pool's accelerator per session. */
    ObjectNode encoderTemplate(String deployment, String profile, InstanceProfile p) {
        ObjectNode t = Json.object();
        ObjectNode meta = t.putObject("metadata");
        meta.putObject("labels").put("app", deployment).put("app.kubernetes.io/name", "encoder")
                .put("app.kubernetes.io/component", "session").put("fleetdeck.io/profile", profile)
                .put("fleetdeck.io/pool", p.nodePool);
        meta.putObject("annotations").put("fleetdeck.io/target-fps", "25");
        ObjectNode spec = t.putObject("spec");
        spec.putObject("nodeSelector").put("karpenter.sh/nodepool", p.nodePool).put("kubernetes.io/arch", p.arch);
        spec.put("terminationGracePeriodSeconds", 30);
        ObjectNode c = spec.putArray("containers").addObject();
        c.put("name", "encoder").put("image", ENCODER_IMAGE).put("imagePullPolicy", "IfNotPresent");
        c.putArray("args").add("--profile=" + profile).add("--fps=25").add("--codec=h264");
        c.putArray("ports").addObject().put("name", "metrics").put("containerPort", 9100).put("protocol", "TCP");
        ObjectNode resources = c.putObject("resources");
        resources.putObject("requests").put("cpu", "250m").put("memory", "512Mi").put(p.resource(), "1");
        resources.putObject("limits").put("memory", "1Gi").put(p.resource(), "1");
        c.putArray("volumeMounts").addObject().put("name", "scratch").put("mountPath", "/scratch");
        spec.putArray("volumes").addObject().put("name", "scratch").putObject("emptyDir").put("sizeLimit", "1Gi");
        return t;
    }

    ObjectNode deployment(String name, String uid, ObjectNode template, int replicas, int ready) {
        ObjectNode d = object("apps/v1", "Deployment", name, STREAMING, now.minusSeconds(10 * 24 * 3600));
        d.withObjectProperty("metadata").put("uid", uid).put("generation", 1).putObject("annotations")
                .put("deployment.kubernetes.io/revision", "1");
        d.withObjectProperty("metadata").putObject("labels").put("app", name).put("app.kubernetes.io/name", "encoder");
        ObjectNode spec = d.putObject("spec");
        spec.put("replicas", replicas).put("revisionHistoryLimit", 10).put("progressDeadlineSeconds", 600);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                .put("maxSurge", "25%").put("maxUnavailable", "25%");
        spec.set("template", template);
        return d;
    }

    ObjectNode replicaSet(String name, String uid, String hash, ObjectNode deployment, int replicas) {
        String dName = deployment.path("metadata").path("name").asText();
        ObjectNode rs = object("apps/v1", "ReplicaSet", name, STREAMING, now.minusSeconds(10 * 24 * 3600));
        ObjectNode meta = rs.withObjectProperty("metadata");
        meta.put("uid", uid).put("generation", 1);
        meta.putObject("labels").put("app", dName).put("pod-template-hash", hash);
        meta.putObject("annotations").put("deployment.kubernetes.io/revision", "1")
                .put("deployment.kubernetes.io/desired-replicas", Integer.toString(replicas));
        meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", dName).put("uid", deployment.path("metadata").path("uid").asText())
                .put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", replicas);
        spec.putObject("selector").putObject("matchLabels").put("app", dName).put("pod-template-hash", hash);
        ObjectNode template = deployment.path("spec").path("template").deepCopy();
        ((ObjectNode) template.get("metadata").get("labels")).put("pod-template-hash", hash);
        spec.set("template", template);
        return rs;
    }

    ObjectNode pdb(String deployment, String maxUnavailable) {
        ObjectNode pdb = object("policy/v1", "PodDisruptionBudget", deployment, STREAMING, now.minusSeconds(10 * 24 * 3600));
        ObjectNode spec = pdb.putObject("spec");
        spec.put("maxUnavailable", maxUnavailable);
        spec.putObject("selector").putObject("matchLabels").put("app", deployment);
        return pdb;
    }

    ObjectNode daemonSet(String name, String uid, String image, int port, String nodeLabel) {
        ObjectNode ds = object("apps/v1", "DaemonSet", name, MONITORING, now.minusSeconds(20 * 24 * 3600));
        ds.withObjectProperty("metadata").put("uid", uid).put("generation", 1).putObject("labels").put("app.kubernetes.io/name", name);
        ObjectNode spec = ds.putObject("spec");
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", name);
        spec.putObject("updateStrategy").put("type", "RollingUpdate");
        ObjectNode t = spec.putObject("template");
        t.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", name);
        ObjectNode ps = t.putObject("spec");
        ps.putObject("nodeSelector").put(nodeLabel, "true");
        ps.putArray("tolerations").addObject().put("operator", "Exists");
        ObjectNode c = ps.putArray("containers").addObject();
        c.put("name", name).put("image", image);
        c.putArray("ports").addObject().put("name", "metrics").put("containerPort", port).put("protocol", "TCP");
        c.putObject("resources").putObject("requests").put("cpu", "100m").put("memory", "128Mi");
        return ds;
    }

    ObjectNode service(String name, String namespace, int port, String selectorKey, String selectorValue) {
        ObjectNode svc = object("v1", "Service", name, namespace, now.minusSeconds(20 * 24 * 3600));
        svc.withObjectProperty("metadata").putObject("labels").put(selectorKey, selectorValue);
        ObjectNode spec = svc.putObject("spec");
        spec.put("type", "ClusterIP").put("clusterIP", "None");
        spec.putObject("selector").put(selectorKey, selectorValue);
        spec.putArray("ports").addObject().put("name", "metrics").put("port", port).put("targetPort", port)
                .put("protocol", "TCP");
        return svc;
    }

    ObjectNode object(String apiVersion, String kind, String name, String namespace, Instant created) {
        ObjectNode o = Json.object();
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        meta.put("creationTimestamp", Json.timestamp(created));
        return o;
    }
}

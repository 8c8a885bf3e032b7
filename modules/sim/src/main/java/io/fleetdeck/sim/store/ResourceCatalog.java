package io.fleetdeck.sim.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types the demo API server serves, looked up by group version and plural. */
public final class ResourceCatalog {

    public static final ResourceType NODES = core("nodes", "node", "Node", false, "no");
    public static final ResourceType PODS = core("pods", "pod", "Pod", true, "po");
    public static final ResourceType NAMESPACES = core("namespaces", "namespace", "Namespace", false, "ns");
    public static final ResourceType EVENTS = core("events", "event", "Event", true, "ev");
    public static final ResourceType CONFIGMAPS = core("configmaps", "configmap", "ConfigMap", true, "cm");
    public static final ResourceType SERVICES = core("services", "service", "Service", true, "svc");
    public static final ResourceType DEPLOYMENTS = type("apps", "v1", "deployments", "deployment", "Deployment", true, "deploy");
    public static final ResourceType REPLICASETS = type("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, "rs");
    public static final ResourceType DAEMONSETS = type("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, "ds");
    public static final ResourceType JOBS = type("batch", "v1", "jobs", "job", "Job", true);
    public static final ResourceType PDBS =
            type("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, "pdb");
    public static final ResourceType LEASES = type("coordination.k8s.io", "v1", "leases", "lease", "Lease", true);
    public static final ResourceType NODEPOOLS = type("karpenter.sh", "v1", "nodepools", "nodepool", "NodePool", false);
    public static final ResourceType NODECLAIMS = type("karpenter.sh", "v1", "nodeclaims", "nodeclaim", "NodeClaim", false);
    public static final ResourceType ACCESS_REVIEWS = new ResourceType("authorization.k8s.io", "v1",
            "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false, List.of(),
            List.of("create"));

    private static final List<ResourceType> ALL = List.of(NODES, PODS, NAMESPACES, EVENTS, CONFIGMAPS, SERVICES,
            DEPLOYMENTS, REPLICASETS, DAEMONSETS, JOBS, PDBS, LEASES, NODEPOOLS, NODECLAIMS, ACCESS_REVIEWS);

    private final Map<String, ResourceType> byGroupVersionPlural = new LinkedHashMap<>();

    public ResourceCatalog() {
        for (ResourceType t : ALL) {
            byGroupVersionPlural.put(t.groupVersion() + "/" + t.plural(), t);
        }
    }

    public List<ResourceType> all() {
        return ALL;
    }

    /** Types that are stored (everything except pure "create" review endpoints). */
    public List<ResourceType> stored() {
        return ALL.stream().filter(t -> t.verbs().contains("get")).toList();
    }

    public Optional<ResourceType> find(String groupVersion, String plural) {
        return Optional.ofNullable(byGroupVersionPlural.get(groupVersion + "/" + plural));
    }

    /** Group versions in discovery order, core ("v1") excluded. */
    public List<String> groupVersions() {
        List<String> out = new ArrayList<>();
        for (ResourceType t : ALL) {
            if (!t.group().isEmpty() && !out.contains(t.groupVersion())) {
                out.add(t.groupVersion());
            }
        }
        return out;
    }

    public List<ResourceType> inGroupVersion(String groupVersion) {
        return ALL.stream().filter(t -> t.groupVersion().equals(groupVersion)).toList();
    }

    private static ResourceType core(String plural, String singular, String kind, boolean namespaced, String... shorts) {
        return type("", "v1", plural, singular, kind, namespaced, shorts);
    }

    private static ResourceType type(String group, String version, String plural, String singular, String kind,
                                     boolean namespaced, String... shorts) {
        return new ResourceType(group, version, plural, singular, kind, namespaced, List.of(shorts),
                ResourceType.ALL_VERBS);
    }
}

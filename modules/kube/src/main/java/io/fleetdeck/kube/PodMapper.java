package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.model.Quantities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a fabric8 Pod into the small {@link PodInfo} the store keeps. */
public final class PodMapper {
    private final AcceleratorPatterns patterns;

    public PodMapper(AcceleratorPatterns patterns) {
        this.patterns = patterns;
    }

    public PodInfo toPodInfo(Pod pod) {
        ObjectMeta meta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();

        OwnerReference owner = controller(meta.getOwnerReferences());
        PodCondition scheduled = condition(status.getConditions(), "PodScheduled");
        boolean unschedulable = scheduled != null && "False".equals(scheduled.getStatus());

        return new PodInfo(
                meta.getUid(),
                meta.getNamespace(),
                meta.getName(),
                spec.getNodeName(),
                PodPhase.parse(status.getPhase()),
                meta.getDeletionTimestamp() != null,
                owner == null ? null : owner.getKind(),
                owner == null ? null : owner.getName(),
                acceleratorRequests(spec),
                annotations.get(FleetLabels.STREAM),
                annotations.get(FleetLabels.PREVIEW_URL),
                parseFps(annotations.get(FleetLabels.TARGET_FPS)),
                Timestamps.parse(meta.getCreationTimestamp()),
                unschedulable ? scheduled.getReason() : null,
                unschedulable ? scheduled.getMessage() : null,
                restarts(status.getContainerStatuses()),
                annotations.containsKey(FleetLabels.MIRROR_POD),
                spec.getNodeSelector());
    }

    /**
     * The scheduler's effective request per accelerator resource: app containers (and restartable
     * sidecar init containers) add up, each ordinary init container runs alone so it only raises the maximum.
     */
    Map<String, Long> acceleratorRequests(PodSpec spec) {
        Map<String, Long> sum = new HashMap<>();
        for (Container c : orEmpty(spec.getContainers())) {
            addTo(sum, requestsOf(c));
        }
        for (Container c : orEmpty(spec.getInitContainers())) {
            if ("Always".equals(c.getRestartPolicy())) {
                addTo(sum, requestsOf(c));
            }
        }
        for (Container c : orEmpty(spec.getInitContainers())) {
            if (!"Always".equals(c.getRestartPolicy())) {
                requestsOf(c).forEach((r, v) -> sum.merge(r, v, Math::max));
            }
        }
        sum.values().removeIf(v -> v == 0);
        return sum;
    }

    /** Requests, falling back to limits: Kubernetes defaults an extended resource's request to its limit. */
    private Map<String, Long> requestsOf(Container c) {
        ResourceRequirements res = c.getResources();
        if (res == null) {
            return Map.of();
        }
        Map<String, Long> out = new HashMap<>();
        collect(res.getLimits(), out);
        collect(res.getRequests(), out);
        return out;
    }

    private void collect(Map<String, Quantity> quantities, Map<String, Long> out) {
        if (quantities == null) {
            return;
        }
        quantities.forEach((name, q) -> {
            if (q != null && patterns.isAccelerator(name)) {
                out.put(name, Quantities.parseCount(q.toString()));
            }
        });
    }

    private static void addTo(Map<String, Long> sum, Map<String, Long> add) {
        add.forEach((r, v) -> sum.merge(r, v, Long::sum));
    }

    static int parseFps(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OwnerReference controller(List<OwnerReference> refs) {
        for (OwnerReference r : orEmpty(refs)) {
            if (Boolean.TRUE.equals(r.getController())) {
                return r;
            }
        }
        return null;
    }

    private static PodCondition condition(List<PodCondition> conditions, String type) {
        for (PodCondition c : orEmpty(conditions)) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    private static int restarts(List<ContainerStatus> statuses) {
        int total = 0;
        for (ContainerStatus s : orEmpty(statuses)) {
            if (s.getRestartCount() != null) {
                total += s.getRestartCount();
            }
        }
        return total;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package io.fleetdeck.core.timeslicing;

import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.DensityVerdict;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changing the device-plugin configs would do to every GPU node, before anyone applies it: slices
 * before and after, sessions that would no longer fit, and the density verdict the new slicing gets.
 * Nodes without a GPU are left out.
 *
 * @param nodes          affected GPU nodes, by name
 * @param pools          the same figures summed per Karpenter nodepool ("none" when unlabelled)
 * @param total          the sums over all affected nodes
 * @param unaffected     GPU nodes whose config is not in the new set, or whose new config is invalid
 * @param invalidConfigs errors of new configs the plugin would reject, by key
 */
public record TimeSlicingImpact(List<NodeImpact> nodes, List<PoolImpact> pools, PoolImpact total,
                                List<Unaffected> unaffected, Map<String, List<String>> invalidConfigs) {

    public TimeSlicingImpact {
        nodes = List.copyOf(nodes);
        pools = List.copyOf(pools);
        unaffected = List.copyOf(unaffected);
        invalidConfigs = Map.copyOf(invalidConfigs);
    }

    /**
     * @param displaced sessions that would no longer fit: used beyond the new slices, or all of them when the
     *                  advertised resource name changes (pods keep requesting the old one)
     * @param note      why, in one line; "" when nothing is displaced
     */
    public record NodeImpact(String node, String pool, String configKey, String product, int gpus,
                             long slicesBefore, long slicesAfter, long used, long displaced,
                             DensityVerdict verdictBefore, DensityVerdict verdictAfter, String note) {
    }

    public record PoolImpact(String pool, int nodes, long slicesBefore, long slicesAfter, long used,
                             long displaced, int oversubscribedAfter, int strandedAfter) {
        PoolImpact plus(NodeImpact n) {
            return new PoolImpact(pool, nodes + 1, slicesBefore + n.slicesBefore(), slicesAfter + n.slicesAfter(),
                    used + n.used(), displaced + n.displaced(),
                    oversubscribedAfter + (n.verdictAfter() == DensityVerdict.OVERSUBSCRIBED ? 1 : 0),
                    strandedAfter + (n.verdictAfter() == DensityVerdict.STRANDED ? 1 : 0));
        }
    }

    public record Unaffected(String node, String configKey, String reason) {
    }

    /** As {@link #compute(Map, Map, Collection, String, DensityTargets)} with the default density targets. */
    public static TimeSlicingImpact compute(Map<String, String> beforeYamlByKey, Map<String, String> afterYamlByKey,
                                            Collection<NodeSummary> nodes, String defaultKey) {
        return compute(beforeYamlByKey, afterYamlByKey, nodes, defaultKey, DensityTargets.defaults());
    }

    /**
     * A node uses the config its {@code nvidia.com/device-plugin.config} label names, else {@code defaultKey}.
     * A key missing from {@code beforeYamlByKey} (or invalid there) falls back to the node's live replicas, so
     * a new config can be previewed against the cluster as it runs.
     */
    public static TimeSlicingImpact compute(Map<String, String> beforeYamlByKey, Map<String, String> afterYamlByKey,
                                            Collection<NodeSummary> nodes, String defaultKey,
                                            DensityTargets targets) {
        Map<String, DevicePluginConfig> before = new HashMap<>();
        beforeYamlByKey.forEach((key, yaml) -> {
            DevicePluginConfig.Validation v = DevicePluginConfig.validate(yaml);
            if (v.isValid()) {
                before.put(key, v.config());
            }
        });
        Map<String, DevicePluginConfig> after = new HashMap<>();
        Map<String, List<String>> invalid = new TreeMap<>();
        afterYamlByKey.forEach((key, yaml) -> {
            DevicePluginConfig.Validation v = DevicePluginConfig.validate(yaml);
            if (v.isValid()) {
                after.put(key, v.config());
            } else {
                invalid.put(key, v.errors());
            }
        });

        List<NodeImpact> impacts = new ArrayList<>();
        List<Unaffected> unaffected = new ArrayList<>();
        Map<String, PoolImpact> pools = new TreeMap<>();
        PoolImpact total = new PoolImpact("total", 0, 0, 0, 0, 0, 0, 0);
        for (NodeSummary s : nodes) {
            if (!s.hasGpu()) {
                continue;
            }
            String label = s.node().label(FleetLabels.DEVICE_PLUGIN_CONFIG);
            String key = label != null && !label.isBlank() ? label : defaultKey;
            if (key == null || !afterYamlByKey.containsKey(key)) {
                unaffected.add(new Unaffected(s.name(), key, key == null
                        ? "no " + FleetLabels.DEVICE_PLUGIN_CONFIG + " label and no default config"
                        : "config '" + key + "' is not in the new set"));
                continue;
            }
            DevicePluginConfig next = after.get(key);
            if (next == null) {
                unaffected.add(new Unaffected(s.name(), key,
                        "new config '" + key + "' is invalid: the device plugin would reject it"));
                continue;
            }
            NodeImpact impact = impact(s, key, before.get(key), next, targets);
            impacts.add(impact);
            pools.merge(impact.pool(), new PoolImpact(impact.pool(), 0, 0, 0, 0, 0, 0, 0).plus(impact),
                    (a, b) -> a.plus(impact));
            total = total.plus(impact);
        }
        impacts.sort(Comparator.comparing(NodeImpact::node));
        unaffected.sort(Comparator.comparing(Unaffected::node));
        return new TimeSlicingImpact(impacts, new ArrayList<>(pools.values()), total, unaffected, invalid);
    }

    private static NodeImpact impact(NodeSummary s, String key, DevicePluginConfig before, DevicePluginConfig after,
                                     DensityTargets targets) {
        String advertisedNow = s.sliceResource() == null ? FleetLabels.GPU_RESOURCE : s.sliceResource();
        // The config names the base resource; the node may already advertise it renamed.
        String base = baseResource(advertisedNow, before);
        int gpus = Math.max(0, s.gpuCount());
        int replicasBefore = before != null ? before.replicasFor(advertisedNow) : DensityTargets.replicasPerGpu(s);
        int replicasAfter = after.replicasFor(base);
        long slicesBefore = (long) gpus * replicasBefore;
        long slicesAfter = (long) gpus * replicasAfter;
        long used = s.slicesUsed();
        String advertisedAfter = after.advertisedName(base);
        long displaced;
        String note;
        if (!advertisedAfter.equals(advertisedNow)) {
            displaced = used;
            note = "advertised as " + advertisedAfter + " instead of " + advertisedNow + ": pods requesting "
                    + advertisedNow + " no longer fit";
        } else {
            displaced = Math.max(0, used - slicesAfter);
            note = displaced == 0 ? "" : used + " slices in use but only " + slicesAfter + " after the change";
        }
        String pool = s.node().nodePool().isEmpty() ? "none" : s.node().nodePool();
        return new NodeImpact(s.name(), pool, key, s.gpuProduct(), gpus, slicesBefore, slicesAfter, used, displaced,
                targets.judge(true, s.gpuProduct(), replicasBefore), targets.judge(true, s.gpuProduct(), replicasAfter),
                note);
    }

    /** {@code nvidia.com/gpu.shared} (or a custom rename) back to the resource the config lists. */
    private static String baseResource(String advertised, DevicePluginConfig before) {
        if (before != null) {
            for (DevicePluginConfig.ReplicatedResource r : before.resources()) {
                if (r.name() != null && advertised.equals(before.advertisedName(r))) {
                    return r.name();
                }
            }
        }
        return advertised.endsWith(".shared") ? advertised.substring(0, advertised.length() - ".shared".length())
                : advertised;
    }
}

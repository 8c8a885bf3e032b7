package io.fleetdeck.app.timeslicing;

import io.fleetdeck.core.capacity.DensityVerdict;
import io.fleetdeck.core.timeslicing.DevicePluginConfig;
import io.fleetdeck.core.timeslicing.DevicePluginConfig.ReplicatedResource;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Edits to device-plugin configs put into words: the change summary written to the audit log and the Event,
 * and the question asked before an edit that would hurt running sessions.
 */
final class ConfigChanges {
    private static final String GPU = "nvidia.com/gpu";

    private ConfigChanges() {
    }

    /** "t4-28: replicas 28 → 30; a10g-31: renameByDefault false → true", keys in order. */
    /**
     * Carries edits over to freshly read data of the same ConfigMap: an edit whose key the server changed meanwhile
     * is dropped (returned, by key), one that now equals the server's text is no longer an edit.
     */
    static List<String> rebase(Map<String, String> before, Map<String, String> now, Map<String, String> edits) {
        List<String> dropped = new ArrayList<>();
        for (String key : List.copyOf(edits.keySet())) {
            String server = now.get(key);
            if (!Objects.equals(before.get(key), server)) {
                dropped.add(key);
                edits.remove(key);
            } else if (edits.get(key).equals(server)) {
                edits.remove(key);
            }
        }
        return dropped;
    }

    static String summary(Map<String, String> loaded, Map<String, String> edits) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(edits).forEach((key, after) -> parts.add(key + ": " + describe(loaded.get(key), after)));
        return String.join("; ", parts);
    }

    /** What changed in one config; compares settings, not text, so reformatting reads as such. */
    static String describe(String beforeYaml, String afterYaml) {
        if (beforeYaml == null) {
            return "added";
        }
        DevicePluginConfig before = DevicePluginConfig.validate(beforeYaml).config();
        DevicePluginConfig after = DevicePluginConfig.validate(afterYaml).config();
        if (before == null || after == null) {
            return "text edited";
        }
        List<String> changes = new ArrayList<>();
        change(changes, "sharing", strategy(before), strategy(after));
        change(changes, "renameByDefault", before.renameByDefault(), after.renameByDefault());
        change(changes, "failRequestsGreaterThanOne", before.failRequestsGreaterThanOne(),
                after.failRequestsGreaterThanOne());
        Map<String, ReplicatedResource> was = byName(before);
        Map<String, ReplicatedResource> now = byName(after);
        // The common case is one nvidia.com/gpu entry; naming it every time would only add noise.
        boolean onlyGpu = was.keySet().stream().allMatch(GPU::equals) && now.keySet().stream().allMatch(GPU::equals);
        for (String name : union(was, now)) {
            ReplicatedResource a = was.get(name);
            ReplicatedResource b = now.get(name);
            String prefix = onlyGpu ? "" : name + " ";
            if (a == null) {
                changes.add(name + " shared with " + b.replicas() + " replicas");
            } else if (b == null) {
                changes.add(name + " no longer shared");
            } else {
                change(changes, prefix + "replicas", a.replicas(), b.replicas());
                change(changes, prefix + "rename", a.rename(), b.rename());
                change(changes, prefix + "devices", devices(a), devices(b));
            }
        }
        return changes.isEmpty() ? "text edited, no setting changed" : String.join(", ", changes);
    }

    /**
     * The operator's question before applying, or "" when nothing needs confirming: sessions displaced, or
     * nodes left (more) oversubscribed than NVENC can encode.
     */
    static String confirmation(TimeSlicingImpact impact) {
        if (impact == null) {
            return "";
        }
        int losing = 0;
        int oversubscribed = 0;
        for (TimeSlicingImpact.NodeImpact n : impact.nodes()) {
            if (n.slicesAfter() < n.slicesBefore()) {
                losing++;
            }
            if (makesOversubscribed(n)) {
                oversubscribed++;
            }
        }
        long displaced = impact.total().displaced();
        if (displaced == 0 && oversubscribed == 0) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (displaced > 0) {
            lines.add((losing > 0 ? plural(losing, "node") + " would lose slices; " : "") + plural(displaced, "session")
                    + " would no longer fit and stay pending until capacity frees up.");
        }
        if (oversubscribed > 0) {
            lines.add(plural(oversubscribed, "node") + " would be over-subscribed: more slices per GPU than NVENC"
                    + " can encode, so frame drops are expected.");
        }
        lines.add("Apply anyway?");
        return String.join("\n", lines);
    }

    /** "3 nodes affected: 84 → 90 slices, 30 in use, no sessions displaced, 3 oversubscribed after." */
    static String impactText(TimeSlicingImpact impact) {
        TimeSlicingImpact.PoolImpact t = impact.total();
        String text = plural(t.nodes(), "node") + " affected: " + t.slicesBefore() + " → " + t.slicesAfter()
                + " slices, " + t.used() + " in use, "
                + (t.displaced() == 0 ? "no sessions displaced" : plural(t.displaced(), "session") + " displaced")
                + ", " + t.oversubscribedAfter() + " oversubscribed after.";
        if (!impact.invalidConfigs().isEmpty()) {
            text += " Invalid, so not counted: " + String.join(", ", impact.invalidConfigs().keySet()) + ".";
        }
        return text;
    }

    /** Nodes worth listing: slices, displaced sessions or the density verdict change. */
    /** How many GPU nodes pick each config by their {@code nvidia.com/device-plugin.config} label. */
    static Map<String, Integer> nodesByConfig(java.util.Collection<io.fleetdeck.core.model.NodeSummary> nodes) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (io.fleetdeck.core.model.NodeSummary s : nodes) {
            String key = s.hasGpu() ? s.node().label(io.fleetdeck.core.model.FleetLabels.DEVICE_PLUGIN_CONFIG) : null;
            if (key != null && !key.isBlank()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts;
    }

    static boolean changes(TimeSlicingImpact.NodeImpact n) {
        return n.slicesBefore() != n.slicesAfter() || n.displaced() > 0 || n.verdictBefore() != n.verdictAfter();
    }

    static boolean makesOversubscribed(TimeSlicingImpact.NodeImpact n) {
        return n.verdictAfter() == DensityVerdict.OVERSUBSCRIBED
                && (n.verdictBefore() != DensityVerdict.OVERSUBSCRIBED || n.slicesAfter() > n.slicesBefore());
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String strategy(DevicePluginConfig c) {
        return switch (c.strategy()) {
            case NONE -> "none";
            case TIME_SLICING -> "timeSlicing";
            case MPS -> "mps";
        };
    }

    private static Map<String, ReplicatedResource> byName(DevicePluginConfig c) {
        Map<String, ReplicatedResource> m = new TreeMap<>();
        for (ReplicatedResource r : c.resources()) {
            if (r.name() != null) {
                m.putIfAbsent(r.name(), r);
            }
        }
        return m;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeMap<String, Boolean> all = new TreeMap<>();
        a.keySet().forEach(k -> all.put(k, true));
        b.keySet().forEach(k -> all.put(k, true));
        return new ArrayList<>(all.keySet());
    }

    private static String devices(ReplicatedResource r) {
        return r.devices().isEmpty() ? "all" : String.join(",", r.devices());
    }

    private static void change(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + (before == null ? "unset" : before) + " → " + (after == null ? "unset" : after));
        }
    }
}

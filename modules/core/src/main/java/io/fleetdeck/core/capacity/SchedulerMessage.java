package io.fleetdeck.core.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kube-scheduler's PodScheduled=False message, parsed:
 * {@code 0/5000 nodes are available: 3 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node
 * affinity/selector, 1 node(s) were unschedulable. preemption: ...}. The preemption part repeats the
 * counts in other words and is ignored.
 *
 * @param available nodes that fit (usually 0), or -1 when the message has no "a/b nodes" head
 * @param total     nodes considered, or -1
 * @param causes    each "count text" part, in message order
 */
public record SchedulerMessage(int available, int total, List<Cause> causes) {
    private static final Pattern HEAD = Pattern.compile("(\\d+)/(\\d+) nodes are available");
    private static final Pattern CAUSE = Pattern.compile("(\\d+) ([^,]+)");
    private static final Set<String> NATIVE_RESOURCES = Set.of("cpu", "memory",
            "ephemeral-storage", "pods");

    public SchedulerMessage {
        causes = List.copyOf(causes);
    }

    /** One reason the scheduler gave, with the number of nodes it applied to. */
    public record Cause(int nodes, String text, Kind kind, String resource) {
    }

    /** What a cause means for placing a session. */
    public enum Kind {
        /** "Insufficient nvidia.com/gpu" and other accelerator shortages. */
        INSUFFICIENT_ACCELERATOR,
        /** "Insufficient cpu", "Insufficient hugepages-2Mi", "Too many pods": full, but not of slices. */
        INSUFFICIENT_OTHER,
        /** Node affinity or nodeSelector did not match: those nodes were never candidates. */
        SELECTOR_MISMATCH,
        /** Cordoned ("were unschedulable"). */
        UNSCHEDULABLE,
        /** Taints, volume conflicts, ports, anything else. */
        OTHER
    }

    public static SchedulerMessage parse(String message) {
        if (message == null || message.isBlank()) {
            return new SchedulerMessage(-1, -1, List.of());
        }
        String body = message;
        int preemption = body.indexOf("preemption:");
        if (preemption >= 0) {
            body = body.substring(0, preemption);
        }
        int available = -1;
        int total = -1;
        Matcher head = HEAD.matcher(body);
        if (head.find()) {
            available = Integer.parseInt(head.group(1));
            total = Integer.parseInt(head.group(2));
            int colon = body.indexOf(':', head.end());
            body = colon < 0 ? "" : body.substring(colon + 1);
        }
        body = body.strip();
        if (body.endsWith(".")) {
            body = body.substring(0, body.length() - 1);
        }
        List<Cause> causes = new ArrayList<>();
        Matcher m = CAUSE.matcher(body);
        while (m.find()) {
            // Taint texts hold "{key: value}" and never a comma; split parts start at a count.
            if (m.start() > 0 && !body.substring(0, m.start()).stripTrailing().endsWith(",")) {
                continue;
            }
            String text = m.group(2).strip();
            causes.add(classify(Integer.parseInt(m.group(1)), text));
        }
        return new SchedulerMessage(available, total, causes);
    }

    private static Cause classify(int nodes, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("insufficient ")) {
            String resource = text.substring("insufficient ".length()).strip();
            // Any extended resource counts: FPGA plugins use names without a domain (fpga.accelerator.vendorX).
            boolean accelerator = !NATIVE_RESOURCES.contains(resource) && !resource.startsWith("hugepages-");
            return new Cause(nodes, text, accelerator ? Kind.INSUFFICIENT_ACCELERATOR : Kind.INSUFFICIENT_OTHER,
                    resource);
        }
        if (lower.contains("too many pods")) {
            return new Cause(nodes, text, Kind.INSUFFICIENT_OTHER, "pods");
        }
        if (lower.contains("didn't match") && (lower.contains("selector") || lower.contains("affinity"))
                && !lower.contains("volume") && !lower.contains("anti-affinity")
                && !lower.contains("pod affinity")) {
            return new Cause(nodes, text, Kind.SELECTOR_MISMATCH, null);
        }
        if (lower.contains("were unschedulable") || lower.contains("was unschedulable")
                || lower.contains("node.kubernetes.io/unschedulable")) {
            return new Cause(nodes, text, Kind.UNSCHEDULABLE, null);
        }
        return new Cause(nodes, text, Kind.OTHER, null);
    }

    /** Nodes counted under causes of this kind. */
    public int count(Kind kind) {
        int n = 0;
        for (Cause c : causes) {
            if (c.kind() == kind) {
                n += c.nodes();
            }
        }
        return n;
    }
}

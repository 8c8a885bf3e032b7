package io.fleetdeck.core.model;

/**
 * What an operator needs to know first about a node, most urgent first. Labels start as {@code kubectl get nodes}
 * prints STATUS, so the two agree: a Ready condition of status Unknown (the kubelet stopped posting) is NotReady
 * there too; FleetDeck tells the two apart by icon and {@link #explanation()}.
 */
public enum NodeState {
    NOT_READY("NotReady"),
    UNKNOWN("NotReady"),
    DRAINING("Draining"),
    CORDONED("Cordoned"),
    READY("Ready");

    private final String label;

    NodeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One line on what the state means, for a tooltip. */
    public String explanation() {
        return switch (this) {
            case NOT_READY -> "The kubelet reports the node not ready (Ready condition False)";
            case UNKNOWN -> "The kubelet stopped posting status: the Ready condition is Unknown (kubectl: NotReady)";
            case DRAINING -> "Pods are being evicted: draining, deleting, or disrupted by Karpenter";
            case CORDONED -> "Unschedulable: no new pods (kubectl: Ready,SchedulingDisabled)";
            case READY -> "Ready and schedulable";
        };
    }

    public static NodeState of(EncoderNode node) {
        String ready = node.readyStatus();
        if ("False".equals(ready)) {
            return NOT_READY;
        }
        if (!"True".equals(ready)) {
            return UNKNOWN;
        }
        if (node.deleting() || node.isDisruptedByKarpenter() || "draining".equals(node.maintenanceState())) {
            return DRAINING;
        }
        return node.unschedulable() ? CORDONED : READY;
    }
}

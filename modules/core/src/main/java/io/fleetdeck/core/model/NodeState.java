package io.fleetdeck.core.model;

/** What an operator needs to know first about a node, most urgent first. */
public enum NodeState {
    NOT_READY("NotReady"),
    UNKNOWN("Unknown"),
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

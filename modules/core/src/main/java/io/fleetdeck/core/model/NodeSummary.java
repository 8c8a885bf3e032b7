package io.fleetdeck.core.model;

/**
 * Everything the nodes table shows for one node, computed from the node and the pods bound to it.
 * Immutable: the store makes a new one when the node or one of its pods changes.
 * {@code slicesReserved}/{@code fpgaReserved} are the part of the used figures held by terminating pods:
 * capacity that frees itself once they are gone.
 */
public record NodeSummary(
        EncoderNode node,
        NodeState state,
        String gpuProduct,
        int gpuCount,
        int gpuReplicas,
        String sliceResource,
        long slicesTotal,
        long slicesUsed,
        String fpgaResource,
        long fpgaCards,
        long fpgaTotal,
        long fpgaUsed,
        int sessions,
        int pods,
        long maxPods,
        String osUpdate,
        String driverProblem,
        long slicesReserved,
        long fpgaReserved) {

    /** The figures without reservations, as built before terminating pods were counted. */
    public NodeSummary(EncoderNode node, NodeState state, String gpuProduct, int gpuCount, int gpuReplicas,
                       String sliceResource, long slicesTotal, long slicesUsed, String fpgaResource, long fpgaCards,
                       long fpgaTotal, long fpgaUsed, int sessions, int pods, long maxPods, String osUpdate,
                       String driverProblem) {
        this(node, state, gpuProduct, gpuCount, gpuReplicas, sliceResource, slicesTotal, slicesUsed, fpgaResource,
                fpgaCards, fpgaTotal, fpgaUsed, sessions, pods, maxPods, osUpdate, driverProblem, 0, 0);
    }

    public String name() {
        return node.name();
    }

    public boolean hasGpu() {
        return gpuCount > 0 || slicesTotal > 0;
    }

    public boolean hasFpga() {
        return fpgaTotal > 0 || fpgaResource != null;
    }

    /** "Tesla-T4 × 1", "FPGA × 2", "Tesla-T4 × 1 + FPGA × 2" or "". */
    public String acceleratorText() {
        StringBuilder sb = new StringBuilder();
        if (gpuCount > 0 || !gpuProduct.isEmpty()) {
            sb.append(gpuProduct.isEmpty() ? "GPU" : gpuProduct).append(" × ").append(Math.max(gpuCount, 0));
        }
        if (fpgaResource != null) {
            if (!sb.isEmpty()) {
                sb.append(" + ");
            }
            sb.append("FPGA × ").append(fpgaCards);
        }
        return sb.toString();
    }

    /** "used/total" of GPU slices and FPGA slots together, or "" when the node has neither. */
    public String slicesText() {
        long total = slicesTotal + fpgaTotal;
        if (total == 0 && sliceResource == null && fpgaResource == null) {
            return "";
        }
        return (slicesUsed + fpgaUsed) + "/" + total;
    }

    public double sliceUtilisation() {
        long total = slicesTotal + fpgaTotal;
        return total == 0 ? 0 : (double) (slicesUsed + fpgaUsed) / total;
    }
}

package io.fleetdeck.core.store;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.OsUpdateState;
import io.fleetdeck.core.model.Quantities;

/** Derives a node's row figures from its labels, capacity and the load of its pods. */
final class NodeSummaries {
    private static final String SHARED_SUFFIX = "-SHARED";

    private NodeSummaries() {
    }

    static NodeSummary summarise(EncoderNode node, NodeLoad load, AcceleratorPatterns patterns) {
        String product = node.labels().getOrDefault(FleetLabels.GPU_PRODUCT, "");
        if (product.endsWith(SHARED_SUFFIX)) {
            product = product.substring(0, product.length() - SHARED_SUFFIX.length());
        }
        String sliceResource = null;
        if (node.capacity().containsKey(FleetLabels.GPU_SHARED_RESOURCE)
                || node.allocatable().containsKey(FleetLabels.GPU_SHARED_RESOURCE)) {
            sliceResource = FleetLabels.GPU_SHARED_RESOURCE;
        } else if (node.capacity().containsKey(FleetLabels.GPU_RESOURCE)
                || node.allocatable().containsKey(FleetLabels.GPU_RESOURCE) || !product.isEmpty()) {
            sliceResource = FleetLabels.GPU_RESOURCE;
        }
        long slicesTotal = sliceResource == null ? 0 : node.allocatableCount(sliceResource);
        int replicas = (int) Math.max(1, Quantities.parseCount(node.label(FleetLabels.GPU_REPLICAS)));
        int gpuCount = (int) Quantities.parseCount(node.label(FleetLabels.GPU_COUNT));
        if (gpuCount == 0 && sliceResource != null) {
            gpuCount = (int) (node.capacityCount(sliceResource) / replicas);
        }

        String fpgaResource = null;
        for (String r : node.capacity().keySet()) {
            if (patterns.isFpgaResource(r)) {
                fpgaResource = r;
                break;
            }
        }
        if (fpgaResource == null) {
            for (String r : node.allocatable().keySet()) {
                if (patterns.isFpgaResource(r)) {
                    fpgaResource = r;
                    break;
                }
            }
        }
        long fpgaTotal = fpgaResource == null ? 0 : node.allocatableCount(fpgaResource);

        return new NodeSummary(node, NodeState.of(node), product, gpuCount, replicas, sliceResource, slicesTotal,
                load.requested(sliceResource), fpgaResource,
                fpgaResource == null ? 0 : Math.max(node.capacityCount(fpgaResource), fpgaTotal), fpgaTotal,
                load.requested(fpgaResource),
                load.sessions, load.pods, node.allocatableCount("pods"), OsUpdateState.describe(node),
                driverProblem(node, product, gpuCount, sliceResource, slicesTotal, fpgaResource, fpgaTotal),
                load.reserved(sliceResource), load.reserved(fpgaResource));
    }

    /**
     * A node labelled as having accelerators but advertising none usually booted a kernel its baked-in
     * driver does not match, so the device plugin reports 0 capacity.
     */
    private static String driverProblem(EncoderNode node, String product, int gpuCount, String sliceResource,
                                        long slicesTotal, String fpgaResource, long fpgaTotal) {
        String kernel = node.kernelVersion() == null ? "?" : node.kernelVersion();
        if ((gpuCount > 0 || !product.isEmpty()) && sliceResource != null && slicesTotal == 0) {
            return "GPU driver not loaded: " + sliceResource + " allocatable is 0 (kernel " + kernel + ")";
        }
        if (fpgaResource != null && fpgaTotal == 0) {
            return "FPGA driver not loaded: " + fpgaResource + " allocatable is 0 (kernel " + kernel + ")";
        }
        return "";
    }
}

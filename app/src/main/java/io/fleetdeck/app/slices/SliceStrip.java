package io.fleetdeck.app.slices;

import io.fleetdeck.core.model.NodeSummary;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A node's slices as small cells: occupied, held by terminating pods (freed soon), free. Which GPU of a
 * multi-GPU node holds a session is not known until dcgm-exporter's {@code vgpu} label is read, so the
 * cells are the node's pool of slices, never an invented per-GPU placement.
 */
final class SliceStrip extends FlowPane {
    static final int MAX_CELLS = 64;

    SliceStrip() {
        super(2, 2);
        getStyleClass().add("slice-strip");
    }

    void show(long total, long used, long reserved) {
        int cells = (int) Math.min(total, MAX_CELLS);
        while (getChildren().size() < cells) {
            Region r = new Region();
            r.getStyleClass().add("slice-cell");
            getChildren().add(r);
        }
        getChildren().remove(cells, getChildren().size());
        // Scale when a node has more slices than cells, so a 4-GPU × 31 node still fits one line.
        double per = total <= MAX_CELLS ? 1 : (double) total / MAX_CELLS;
        long occupied = Math.max(0, used - reserved);
        for (int i = 0; i < cells; i++) {
            double at = i * per;
            String kind = at < occupied ? "occupied" : at < used ? "reserved" : "free";
            var classes = getChildren().get(i).getStyleClass();
            classes.removeAll("occupied", "reserved", "free");
            classes.add(kind);
        }
    }

    static String describe(NodeSummary s) {
        StringBuilder sb = new StringBuilder();
        if (s.sliceResource() != null) {
            sb.append(s.gpuCount()).append(" × ").append(s.gpuProduct().isEmpty() ? "GPU" : s.gpuProduct())
                    .append(", ").append(s.gpuReplicas()).append(" slices each: ")
                    .append(s.slicesUsed()).append(" used");
            if (s.slicesReserved() > 0) {
                sb.append(" (").append(s.slicesReserved()).append(" terminating)");
            }
            sb.append(", ").append(Math.max(0, s.slicesTotal() - s.slicesUsed())).append(" free");
        }
        if (s.fpgaResource() != null) {
            if (!sb.isEmpty()) {
                sb.append(" · ");
            }
            sb.append(s.fpgaCards()).append(" FPGA: ").append(s.fpgaUsed()).append(" of ").append(s.fpgaTotal())
                    .append(" slots used");
        }
        return sb.toString();
    }
}

package io.fleetdeck.app.slices;

import io.fleetdeck.app.nodes.NodeRow;
import io.fleetdeck.core.model.NodeSummary;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The GPU → slices and FPGA → slots of each node of the chosen group; click (or Enter) opens the node. */
final class SliceGrid extends ListView<NodeRow> {
    SliceGrid(SlicesViewModel vm, Consumer<String> openNode) {
        super(vm.groupNodes());
        setId("sliceGrid");
        setPlaceholder(new Label("No GPU or FPGA nodes in this group"));
        setCellFactory(l -> new NodeCell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getSelectionModel().getSelectedItem() != null) {
                openNode.accept(getSelectionModel().getSelectedItem().name());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                openNode.accept(getSelectionModel().getSelectedItem().name());
            }
        });
    }

    /** Follows its row's summary while it shows that row, so a node's change repaints just this cell. */
    private static final class NodeCell extends ListCell<NodeRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final SliceStrip gpu = new SliceStrip();
        private final SliceStrip fpga = new SliceStrip();
        private final Label gpuLabel = new Label("GPU");
        private final Label fpgaLabel = new Label("FPGA");
        private final HBox gpuRow = new HBox(6, gpuLabel, gpu);
        private final HBox fpgaRow = new HBox(6, fpgaLabel, fpga);
        private final VBox box = new VBox(2, new HBox(10, name, detail), gpuRow, fpgaRow);

        NodeCell() {
            name.getStyleClass().add("slice-node-name");
            detail.getStyleClass().add("fd-muted");
            gpuLabel.getStyleClass().add("fd-muted");
            fpgaLabel.getStyleClass().add("fd-muted");
            gpuLabel.setMinWidth(36);
            fpgaLabel.setMinWidth(36);
            gpuRow.setAlignment(Pos.CENTER_LEFT);
            fpgaRow.setAlignment(Pos.CENTER_LEFT);
            gpuRow.managedProperty().bind(gpuRow.visibleProperty());
            fpgaRow.managedProperty().bind(fpgaRow.visibleProperty());
        }

        private final io.fleetdeck.app.nodes.SummaryFollower follower =
                new io.fleetdeck.app.nodes.SummaryFollower(this::render);

        @Override
        protected void updateItem(NodeRow row, boolean empty) {
            NodeRow old = getItem();
            super.updateItem(row, empty);
            follower.follow(old, empty ? null : row);
        }

        private void render(NodeSummary s) {
            if (s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(s.name() + " · " + s.state().label());
            detail.setText(SliceStrip.describe(s) + (s.driverProblem().isEmpty() ? "" : " · " + s.driverProblem()));
            gpuRow.setVisible(s.sliceResource() != null);
            fpgaRow.setVisible(s.fpgaResource() != null);
            if (s.sliceResource() != null) {
                gpu.show(s.slicesTotal(), s.slicesUsed(), s.slicesReserved());
            }
            if (s.fpgaResource() != null) {
                fpga.show(s.fpgaTotal(), s.fpgaUsed(), s.fpgaReserved());
            }
            setGraphic(box);
        }
    }
}

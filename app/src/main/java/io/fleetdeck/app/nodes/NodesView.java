package io.fleetdeck.app.nodes;

import io.fleetdeck.app.theme.FleetIcon;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The nodes screen: search, the table or the heat tiles of the same nodes, and the selected node's details.
 * {@code /} focuses the search (like k9s); Esc clears it and returns to the table.
 */
public final class NodesView extends BorderPane {
    private final NodesViewModel vm;
    private final NodeDetailsViewModel details;
    private final TableView<NodeRow> table;
    private final NodeTilesView tiles;
    private final TextField search = new TextField();

    public NodesView(NodesViewModel vm, NodeDetailsViewModel details) {
        this.vm = vm;
        this.details = details;
        setId("nodesView");
        table = NodeTable.create(vm);
        tiles = new NodeTilesView(vm, this::selectNode);
        tiles.setVisible(false);

        search.setId("search");
        search.getStyleClass().add("search-field");
        search.setPromptText("Filter nodes   ( / )");
        search.setTooltip(new Tooltip("Every word must match: name, state, type, zone, pool, OS, accelerators.\n"
                + "Example: t4 cordoned us-east-1a   ·   Esc clears"));
        search.textProperty().bindBidirectional(vm.filterTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                table.requestFocus();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
        Label count = new Label();
        count.setId("nodeCount");
        count.getStyleClass().add("fd-muted");
        count.textProperty().bind(vm.shownProperty().asString("%d nodes shown"));

        ToggleGroup mode = new ToggleGroup();
        ToggleButton asTable = new ToggleButton(null, FleetIcon.TABLE.create());
        asTable.setId("showTable");
        asTable.setTooltip(new Tooltip("Table (Ctrl+1)"));
        ToggleButton asTiles = new ToggleButton(null, FleetIcon.TILES.create());
        asTiles.setId("showTiles");
        asTiles.setTooltip(new Tooltip("Heat tiles (Ctrl+2)"));
        asTable.setToggleGroup(mode);
        asTiles.setToggleGroup(mode);
        asTable.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
                return;
            }
            boolean showTiles = t == asTiles;
            tiles.setVisible(showTiles);
            table.setVisible(!showTiles);
            if (showTiles) {
                tiles.markDirty();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, FleetIcon.SEARCH.create(), search, count, spacer, asTable, asTiles);
        bar.getStyleClass().add("toolbar-strip");
        setTop(bar);

        StackPane center = new StackPane(table, tiles);
        NodeDetailsView detailsView = new NodeDetailsView(details);
        SplitPane split = new SplitPane(center, detailsView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(detailsView, false);
        setCenter(split);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            details.show(row == null ? null : row.summary());
            tiles.select(row == null ? null : row.name());
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.C && !e.isShortcutDown() && details.nodeProperty().get() != null) {
                details.toggleCordon();
            }
        });
        setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.DIGIT1) {
                asTable.setSelected(true);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.DIGIT2) {
                asTiles.setSelected(true);
            }
        });
    }

    /** Moves keyboard focus to the search box (the window's {@code /} shortcut). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Selects a node in the table and scrolls to it. */
    public void selectNode(String name) {
        NodeRow row = vm.row(name);
        if (row == null) {
            return;
        }
        table.getSelectionModel().select(row);
        int index = table.getItems().indexOf(row);
        if (index >= 0) {
            table.scrollTo(Math.max(0, index - 3));
        }
    }
}

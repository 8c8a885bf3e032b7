package io.fleetdeck.app.slices;

import io.fleetdeck.app.slices.SettingsRows.DensityRow;
import io.fleetdeck.app.slices.SettingsRows.PriceRow;
import io.fleetdeck.app.theme.FleetIcon;
import io.fleetdeck.core.capacity.CapacityRow;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;
import java.util.function.Function;

import static io.fleetdeck.app.slices.SlicesView.col;
import static io.fleetdeck.app.slices.SlicesView.num;
import static io.fleetdeck.app.slices.SlicesView.wide;

/**
 * The density and cost tab: the settings the figures come from (judged profile, sessions per GPU, $/h), editable
 * in place with Save and Revert, and the figures per instance type they give.
 */
final class DensityCostPanel extends VBox {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final SlicesViewModel vm;
    private final SettingsEditor settings;

    DensityCostPanel(SlicesViewModel vm) {
        super(6);
        this.vm = vm;
        this.settings = vm.settings();
        setId("densityCostPanel");
        TableView<DensityRow> density = editable(settings.densityRows(), "densityTable", "GPU product", 150,
                DensityRow::product, "Sessions per GPU", r -> SettingsRows.cellText(r.sessions()),
                (r, text) -> settings.setSessions(r.product(), text), r -> fleetText(r.inFleet(), r.sessions() == null,
                        "no target"));
        TableView<PriceRow> prices = editable(settings.priceRows(), "priceTable", "Instance type", 140,
                PriceRow::instanceType, "$/h on demand", r -> SettingsRows.cellText(r.dollarsPerHour()),
                (r, text) -> settings.setPrice(r.instanceType(), text), r -> fleetText(r.inFleet(),
                        r.dollarsPerHour() == null, "unpriced"));
        HBox.setHgrow(density, Priority.ALWAYS);
        HBox.setHgrow(prices, Priority.ALWAYS);
        HBox tables = new HBox(12, density, prices);
        tables.setPrefHeight(200);
        tables.setMinHeight(130);

        TableView<CapacityRow> figures = figures();
        VBox.setVgrow(figures, Priority.ALWAYS);
        Label message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(settings.messageProperty());
        getChildren().addAll(toolbar(), message, problem(), tables, legend(), figures);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                commitTyping();
                settings.save();
            }
        });
    }

    private HBox toolbar() {
        ChoiceBox<String> profile = new ChoiceBox<>(settings.profiles());
        profile.setId("judgedProfile");
        profile.valueProperty().bindBidirectional(settings.profileProperty());
        profile.setTooltip(new Tooltip("The encoding profile nodes are judged against (density.profile)"));
        Button save = new Button("Save");
        save.setId("saveSettings");
        save.setTooltip(new Tooltip("Write the settings file (Ctrl+S)"));
        save.disableProperty().bind(settings.dirtyProperty().not().or(settings.busyProperty()));
        save.setOnAction(e -> settings.save());
        Button revert = new Button("Revert");
        revert.setId("revertSettings");
        revert.setTooltip(new Tooltip("Back to the settings last read or saved"));
        revert.disableProperty().bind(save.disableProperty());
        revert.setOnAction(e -> settings.revert());
        Label file = new Label(settings.file().map(p -> p.toString()).orElse("not stored"));
        file.setId("settingsFile");
        file.getStyleClass().add("fd-muted");
        HBox bar = new HBox(8, new Label("Judge density at"), profile, save, revert, file);
        bar.getStyleClass().add("toolbar-strip");
        return bar;
    }

    private Label problem() {
        Label problem = new Label(null, FleetIcon.WARNING.create());
        problem.setId("settingsProblem");
        problem.getStyleClass().add("config-errors");
        problem.setWrapText(true);
        problem.textProperty().bind(settings.problemProperty());
        problem.visibleProperty().bind(settings.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private Label legend() {
        Label legend = new Label();
        legend.setId("densityTargets");
        legend.getStyleClass().add("fd-muted");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        legend.textProperty().bind(Bindings.createStringBinding(() -> "Judged at "
                + settings.profileProperty().get() + ". Over-subscribed: more slices per GPU than the encoder holds"
                + " (frame drops expected); stranded: under 75% of it. GPUs without a target are not judged; unpriced"
                + " instance types are left out of $/session-hour. Double-click or Enter edits a figure; empty removes it.",
                settings.profileProperty()));
        return legend;
    }

    private TableView<CapacityRow> figures() {
        TableView<CapacityRow> t = new TableView<>(vm.costRows());
        t.setId("costTable");
        t.getColumns().add(col("Instance type", 150, CapacityRow::group));
        t.getColumns().add(num("Nodes", r -> r.nodes()));
        t.getColumns().add(col("$/h per node", 100, r -> r.nodes() == 0 ? "—"
                : Money.perHour(vm.costs().dollarsPerHour(r.group()).orElse(0))));
        t.getColumns().add(wide(num("Sessions at target", CapacityRow::sessionsAtTarget), 150));
        t.getColumns().add(col("$/session-h at target", 175, r -> r.sessionsAtTarget() == 0 ? "—"
                : Money.perSessionHour(r.dollarsPerHour() / r.sessionsAtTarget())));
        t.getColumns().add(wide(num("Sessions placed", CapacityRow::sessions), 135));
        t.getColumns().add(col("$/session-h placed", 150, r -> Money.perSessionHour(r.dollarsPerSessionHour())));
        t.getColumns().add(col("Density", 200, SlicesView::densityText));
        return t;
    }

    static String fleetText(boolean inFleet, boolean unset, String unsetText) {
        return !inFleet ? "not in the fleet" : unset ? "in the fleet · " + unsetText : "in the fleet";
    }

    /**
     * A table of names and one figure column the operator types over (double-click, or Enter on the row). The
     * figure goes to {@code offer}, which takes or refuses it.
     */
    private static <S> TableView<S> editable(javafx.collections.ObservableList<S> rows, String id, String nameTitle,
                                             double nameWidth, Function<S, String> name, String figureTitle,
                                             Function<S, String> figure, BiConsumer<S, String> offer,
                                             Function<S, String> fleet) {
        TableView<S> t = new TableView<>(rows);
        t.setId(id);
        t.setEditable(true);
        t.setPlaceholder(new Label("Nothing configured"));
        TableColumn<S, String> figureColumn = new TableColumn<>(figureTitle);
        figureColumn.setId(id + "Figure");
        figureColumn.setPrefWidth(140);
        figureColumn.getStyleClass().add("numeric");
        figureColumn.setCellValueFactory(cd -> new ReadOnlyStringWrapper(figure.apply(cd.getValue())));
        figureColumn.setCellFactory(c -> new FigureCell<>(offer));
        TableColumn<S, String> nameColumn = col(nameTitle, nameWidth, name);
        nameColumn.setEditable(false);
        TableColumn<S, String> fleetColumn = col("Fleet", 170, fleet);
        fleetColumn.setEditable(false);
        t.getColumns().add(nameColumn);
        t.getColumns().add(figureColumn);
        t.getColumns().add(fleetColumn);
        t.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int row = t.getFocusModel().getFocusedIndex();
            if (e.getCode() == KeyCode.ENTER && t.getEditingCell() == null && row >= 0) {
                e.consume();
                t.edit(row, figureColumn);
            }
        });
        return t;
    }

    /** A figure still being typed is offered before saving, as leaving its cell would. */
    private void commitTyping() {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        for (Node n = owner; n != null && n != this; n = n.getParent()) {
            if (n instanceof TableView<?> table) {
                table.requestFocus();
                return;
            }
        }
    }
}

package io.fleetdeck.app.shell;

import io.fleetdeck.app.nodes.NodesView;
import io.fleetdeck.app.theme.FleetIcon;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConnectionState;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The console window: cluster picker and theme on top, errors under it, feature tabs, status bar. */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final NodesView nodesView;
    private Theme theme;

    public MainWindow(MainViewModel vm, Theme initialTheme) {
        this.vm = vm;
        this.theme = initialTheme;
        setId("mainWindow");
        nodesView = new NodesView(vm.nodes(), vm.details());

        Label title = new Label("FleetDeck", FleetIcon.CLUSTER.create());
        title.getStyleClass().add("app-title");

        ComboBox<ClusterTarget> picker = new ComboBox<>(vm.targets());
        picker.setId("contextPicker");
        picker.setPromptText("Choose a cluster");
        picker.setCellFactory(l -> new TargetCell());
        picker.setButtonCell(new TargetCell());
        picker.setTooltip(new Tooltip("Kubeconfig context or the embedded demo fleet"));
        picker.setValue(vm.currentProperty().get());
        vm.currentProperty().addListener((o, a, t) -> picker.setValue(t));
        picker.setOnAction(e -> {
            ClusterTarget t = picker.getValue();
            if (t != null && !t.equals(vm.currentProperty().get())) {
                vm.connect(t);
            }
        });

        Button reconnect = new Button(null, FleetIcon.REFRESH.create());
        reconnect.setId("reconnect");
        reconnect.setTooltip(new Tooltip("Reconnect and reload contexts (F5)"));
        reconnect.setOnAction(e -> reconnect());

        Button themeToggle = new Button(null, FleetIcon.THEME.create());
        themeToggle.setId("themeToggle");
        themeToggle.setTooltip(new Tooltip("Dark / light theme"));
        themeToggle.setOnAction(e -> {
            theme = theme.other();
            if (getScene() != null) {
                theme.applyTo(getScene());
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, new Label("Cluster"), picker, reconnect, spacer, themeToggle);
        toolbar.getStyleClass().add("toolbar-strip");

        setTop(new VBox(toolbar, errorBanner(), settingsBanner()));

        Tab nodesTab = new Tab("Nodes", nodesView);
        nodesTab.setId("nodesTab");
        nodesTab.setClosable(false);
        TabPane tabs = new TabPane(nodesTab);
        Tab slicesTab = new LazyTab<>("Slices", "slicesTab",
                () -> new io.fleetdeck.app.slices.SlicesView(vm.slices(), name -> {
                    tabs.getSelectionModel().select(nodesTab);
                    nodesView.selectNode(name);
                }), (view, shown) -> vm.slices().setActive(shown)).tab();
        // Only a wall on screen decodes: leaving the tab stops every preview.
        Tab streamsTab = new LazyTab<>("Streams", "streamsTab",
                () -> new io.fleetdeck.app.streams.StreamsView(vm.streams()),
                io.fleetdeck.app.streams.StreamsView::setActive).tab();
        // The device-plugin ConfigMap is read when the operator first opens the editor on a cluster.
        Runnable loadIfShown = () -> {
            if (vm.timeSlicing().loadedProperty().get() == null && vm.timeSlicing().connectedProperty().get()
                    && !vm.timeSlicing().busyProperty().get()) {
                vm.timeSlicing().load();
            }
        };
        Tab timeSlicingTab = new LazyTab<>("Time-slicing", "timeSlicingTab",
                () -> new io.fleetdeck.app.timeslicing.TimeSlicingView(vm.timeSlicing()), (view, shown) -> {
                    if (shown) {
                        loadIfShown.run();
                    }
                }).tab();
        vm.timeSlicing().connectedProperty().addListener((o, a, b) -> {
            if (timeSlicingTab.isSelected()) {
                loadIfShown.run();
            }
        });
        Tab labTab = new LazyTab<>("Encode lab", "encodeLabTab",
                () -> new io.fleetdeck.app.encodelab.EncodeLabView(vm.encodeLab()), (view, shown) -> {
                    view.setActive(shown);
                    if (shown && vm.encodeLab().ladder().isEmpty()) {
                        vm.encodeLab().load();
                    }
                }).tab();
        tabs.getTabs().addAll(slicesTab, streamsTab, timeSlicingTab, labTab);
        tabs.setId("featureTabs");
        setCenter(tabs);
        setBottom(statusBar());

        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                install(scene);
            }
        });
    }

    private void reconnect() {
        vm.reloadTargets();
        ClusterTarget t = vm.currentProperty().get();
        if (t != null) {
            vm.connect(t);
        }
    }

    private VBox errorBanner() {
        Label text = new Label();
        text.setId("errorText");
        text.textProperty().bind(vm.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button demo = new Button("Show the demo fleet");
        demo.setId("useDemo");
        demo.setOnAction(e -> vm.targets().stream().filter(ClusterTarget::demo).findFirst().ifPresent(vm::connect));
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.errorProperty().set(""));
        HBox banner = new HBox(10, FleetIcon.WARNING.create(), text, demo, dismiss);
        banner.getStyleClass().add("error-banner");
        VBox holder = new VBox(banner);
        holder.setId("errorBanner");
        holder.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        holder.managedProperty().bind(holder.visibleProperty());
        return holder;
    }

    /** A settings file that cannot be used, told at start until dismissed (connecting clears only the error). */
    private HBox settingsBanner() {
        Label text = new Label();
        text.setId("settingsNotice");
        text.textProperty().bind(vm.settingsNoticeProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissSettingsNotice");
        dismiss.setOnAction(e -> vm.settingsNoticeProperty().set(""));
        HBox banner = new HBox(10, FleetIcon.WARNING.create(), text, dismiss);
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(vm.settingsNoticeProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox statusBar() {
        Label state = new Label();
        state.setId("connectionState");
        state.getStyleClass().add("connection-state");
        state.textProperty().bind(vm.connectionTextProperty());
        vm.stateProperty().addListener((o, a, s) -> markState(state, s));
        markState(state, vm.stateProperty().get());
        Label totals = new Label();
        totals.setId("totals");
        totals.textProperty().bind(vm.totalsTextProperty());
        Label server = new Label();
        server.setId("server");
        server.getStyleClass().add("fd-muted");
        server.textProperty().bind(vm.serverTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, state, totals, spacer, server);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static void markState(Label label, ConnectionState s) {
        for (ConnectionState each : ConnectionState.values()) {
            label.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)), each == s);
        }
        label.setGraphic((s == ConnectionState.LIVE ? FleetIcon.CONNECTED : FleetIcon.DISCONNECTED).create());
    }

    private void install(Scene scene) {
        theme.applyTo(scene);
        // "/" jumps to the search box from anywhere but a text field, like k9s and many web consoles.
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                e.consume();
                nodesView.focusSearch();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F5) {
                e.consume();
                reconnect();
            }
        });
    }

    public NodesView nodesView() {
        return nodesView;
    }

    private static final class TargetCell extends ListCell<ClusterTarget> {
        @Override
        protected void updateItem(ClusterTarget t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.displayName());
        }
    }
}

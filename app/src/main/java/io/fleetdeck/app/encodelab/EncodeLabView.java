package io.fleetdeck.app.encodelab;

import io.fleetdeck.core.media.DensityProbe;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.StreamStats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/** The encode lab screen: a form, the ladder's verdicts, running test streams, local GPUs, the density probe. */
public final class EncodeLabView extends BorderPane {
    private final EncodeLabViewModel vm;
    private final XYChart.Series<Number, Number> minFps = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> target = new XYChart.Series<>();
    private final Timeline ticker;

    public EncodeLabView(EncodeLabViewModel vm) {
        this.vm = vm;
        setId("encodeLabView");
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);

        VBox left = new VBox(8, form(), section("Encoder ladder here"), ladder(), section("Prometheus exporter"),
                exporter(), section("Local GPUs (NVML)"), hardware());
        left.getStyleClass().add("details-pane");
        left.setPrefWidth(520);
        VBox right = new VBox(8, section("Test streams"), sessionsTable(), message(), section("Density probe"), probe());
        right.getStyleClass().add("details-pane");
        HBox.setHgrow(right, Priority.ALWAYS);
        setCenter(new HBox(left, right));
    }

    /** The lab is on screen: statistics tick; off screen they rest (streams keep running). */
    public void setActive(boolean active) {
        if (active) {
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private GridPane form() {
        ChoiceBox<EncodeProfile> profile = new ChoiceBox<>(FXCollections.observableArrayList(EncodeProfile.presets()));
        profile.setId("labProfile");
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(EncodeProfile p) {
                return p == null ? "" : String.format(Locale.ROOT, "%s  %dx%d %.1f Mb/s", p.name(), p.width(), p.height(),
                        p.bitrate() / 1e6);
            }

            @Override
            public EncodeProfile fromString(String s) {
                return null;
            }
        });
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        ComboBox<String> encoder = new ComboBox<>(FXCollections.observableArrayList(EncodeLabViewModel.ENCODERS));
        encoder.setId("labEncoder");
        encoder.valueProperty().bindBidirectional(vm.encoderProperty());
        TextField output = new TextField();
        output.setId("labOutput");
        output.setPromptText("udp://127.0.0.1:5004, file:/tmp/x.ts, srt://…, rtmp://…, hls:/dir/index.m3u8");
        output.textProperty().bindBidirectional(vm.outputProperty());
        TextField name = new TextField();
        name.setId("labName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        CheckBox realtime = new CheckBox("Real time (like ffmpeg -re)");
        realtime.selectedProperty().bindBidirectional(vm.realtimeProperty());
        Button start = new Button("Start");
        start.setId("startEncode");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Profile"), profile);
        g.addRow(1, new Label("Encoder"), encoder);
        g.addRow(2, new Label("Output"), output);
        g.addRow(3, new Label("Name"), name);
        g.addRow(4, new Label(""), realtime);
        g.addRow(5, new Label(""), start);
        GridPane.setHgrow(output, Priority.ALWAYS);
        return g;
    }

    private VBox exporter() {
        LabExporter x = vm.exporter();
        TextField address = new TextField();
        address.setId("metricsAddress");
        address.setPrefColumnCount(10);
        address.setTooltip(new javafx.scene.control.Tooltip("127.0.0.1 = this workstation only; 0.0.0.0 = every interface"));
        address.textProperty().bindBidirectional(x.addressProperty());
        Spinner<Integer> port = new Spinner<>(0, 65_535, x.portProperty().get());
        port.setId("metricsPort");
        port.setEditable(true);
        port.setPrefWidth(100);
        port.valueProperty().addListener((o, a, v) -> x.portProperty().set(v));
        address.disableProperty().bind(x.servingProperty());
        port.disableProperty().bind(x.servingProperty());
        Button toggle = new Button();
        toggle.setId("toggleMetrics");
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(x.servingProperty())
                .then("Stop exporting").otherwise("Export metrics"));
        toggle.disableProperty().bind(x.busyProperty());
        toggle.setOnAction(e -> x.toggle());
        Label status = new Label();
        status.setId("metricsStatus");
        status.setWrapText(true);
        status.textProperty().bind(x.statusProperty());
        HBox row = new HBox(8, new Label("Address"), address, new Label("Port"), port, toggle);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, row, status);
    }

    private ListView<String> ladder() {
        ListView<String> l = new ListView<>(vm.ladder());
        l.setId("ladder");
        l.setPrefHeight(190);
        return l;
    }

    private Label hardware() {
        Label l = new Label();
        l.setId("hardware");
        l.setWrapText(true);
        l.textProperty().bind(vm.hardwareProperty());
        return l;
    }

    private Label message() {
        Label l = new Label();
        l.setId("labMessage");
        l.setWrapText(true);
        l.textProperty().bind(vm.messageProperty());
        return l;
    }

    private VBox sessionsTable() {
        TableView<LabSession> t = new TableView<>(vm.sessions());
        t.setId("labSessions");
        t.setPrefHeight(200);
        t.setPlaceholder(new Label("No test stream running"));
        t.getColumns().add(col("Name", 90, LabSession::name));
        t.getColumns().add(col("Profile", 70, LabSession::profile));
        t.getColumns().add(col("Encoder", 120, LabSession::encoder));
        t.getColumns().add(col("Output", 170, LabSession::output));
        t.getColumns().add(stat("fps", s -> String.format(Locale.ROOT, "%.1f", s.fps())));
        t.getColumns().add(stat("kb/s", s -> String.format(Locale.ROOT, "%.0f", s.bitrate() / 1000)));
        t.getColumns().add(stat("dropped", s -> String.valueOf(s.dropped())));
        t.getColumns().add(stat("encode ms", s -> String.format(Locale.ROOT, "%.1f", s.encodeLatencyMs())));
        Button stop = new Button("Stop selected");
        stop.setId("stopEncode");
        stop.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        stop.setOnAction(e -> vm.stop(t.getSelectionModel().getSelectedItem()));
        return new VBox(6, t, stop);
    }

    private VBox probe() {
        Spinner<Integer> max = new Spinner<>(1, 256, vm.probeMaxProperty().get());
        max.setId("probeMax");
        max.valueProperty().addListener((o, a, v) -> vm.probeMaxProperty().set(v));
        Button run = new Button("Run probe");
        run.setId("runProbe");
        run.disableProperty().bind(vm.probingProperty());
        run.setOnAction(e -> {
            minFps.getData().clear();
            target.getData().clear();
            vm.runProbe();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelProbe");
        cancel.disableProperty().bind(vm.probingProperty().not());
        cancel.setOnAction(e -> vm.cancelProbe());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.probingProperty());
        Label result = new Label();
        result.setId("probeResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.probeResultProperty());

        NumberAxis x = new NumberAxis();
        x.setLabel("concurrent sessions");
        NumberAxis y = new NumberAxis();
        y.setLabel("slowest session fps");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("densityChart");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        minFps.setName("slowest session");
        target.setName("target");
        chart.getData().add(minFps);
        chart.getData().add(target);
        vm.probeSteps().addListener((ListChangeListener<DensityProbe.Step>) c -> {
            while (c.next()) {
                for (DensityProbe.Step s : c.getAddedSubList()) {
                    minFps.getData().add(new XYChart.Data<>(s.sessions(), s.minFps()));
                    target.getData().add(new XYChart.Data<>(s.sessions(), vm.profileProperty().get().fps()));
                }
            }
        });
        return new VBox(6, new HBox(8, new Label("Up to"), max, new Label("sessions"), run, cancel, busy), chart,
                result);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TableColumn<LabSession, String> col(String title, double width, Function<LabSession, String> f) {
        TableColumn<LabSession, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<LabSession, String> stat(String title, Function<StreamStats, String> f) {
        TableColumn<LabSession, String> c = new TableColumn<>(title);
        c.setPrefWidth(75);
        c.getStyleClass().add("numeric");
        c.setCellValueFactory(cd -> javafx.beans.binding.Bindings.createStringBinding(
                () -> f.apply(cd.getValue().statsProperty().get()), cd.getValue().statsProperty()));
        return c;
    }
}

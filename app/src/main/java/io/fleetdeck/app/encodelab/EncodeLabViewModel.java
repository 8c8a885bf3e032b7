package io.fleetdeck.app.encodelab;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.gpu.LocalGpus;
import io.fleetdeck.core.media.DensityProbe;
import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncoderChoice;
import io.fleetdeck.core.media.OutputTarget;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The encode lab: test streams from this workstation's encoder (what the ladder picks here and why), their
 * live statistics, the local GPUs as NVML sees them, and the density probe (fps against sessions).
 */
public final class EncodeLabViewModel {
    public static final List<String> ENCODERS = List.of(EncodeRequest.AUTO, "h264_nvenc", "hevc_nvenc", "av1_nvenc",
            "h264_vaapi", "h264_qsv", "libx264", "libopenh264");

    private final TaskRunner tasks;
    private final Executor ui;
    private final EncodeEngine engine;
    private final LocalGpuProbe gpus;
    private final ObjectProperty<EncodeProfile> profile = new SimpleObjectProperty<>(this, "profile", EncodeProfile.P720);
    private final StringProperty encoder = new SimpleStringProperty(this, "encoder", EncodeRequest.AUTO);
    private final StringProperty output = new SimpleStringProperty(this, "output", "udp://127.0.0.1:5004");
    private final BooleanProperty realtime = new SimpleBooleanProperty(this, "realtime", true);
    private final StringProperty name = new SimpleStringProperty(this, "name", "lab-1");
    private final ObservableList<String> ladder = FXCollections.observableArrayList();
    private final ObservableList<LabSession> sessions = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty hardware = new SimpleStringProperty(this, "hardware", "Looking for local GPUs…");
    private final IntegerProperty probeMax = new SimpleIntegerProperty(this, "probeMax", 32);
    private final BooleanProperty probing = new SimpleBooleanProperty(this, "probing");
    private final ObservableList<DensityProbe.Step> probeSteps = FXCollections.observableArrayList();
    private final StringProperty probeResult = new SimpleStringProperty(this, "probeResult", "");
    private final AtomicBoolean cancelProbe = new AtomicBoolean();
    private final LabExporter exporter;
    private int counter = 1;

    public EncodeLabViewModel(TaskRunner tasks, Executor ui, EncodeEngine engine, LocalGpuProbe gpus) {
        this.tasks = tasks;
        this.ui = ui;
        this.engine = engine;
        this.gpus = gpus;
        this.exporter = new LabExporter(tasks);
        profile.addListener((o, a, p) -> refreshLadder());
        encoder.addListener((o, a, e) -> refreshLadder());
    }

    public ObjectProperty<EncodeProfile> profileProperty() {
        return profile;
    }

    public StringProperty encoderProperty() {
        return encoder;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public BooleanProperty realtimeProperty() {
        return realtime;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The Prometheus exporter of the lab's test streams. */
    public LabExporter exporter() {
        return exporter;
    }

    public ObservableList<String> ladder() {
        return ladder;
    }

    public ObservableList<LabSession> sessions() {
        return sessions;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty hardwareProperty() {
        return hardware;
    }

    public IntegerProperty probeMaxProperty() {
        return probeMax;
    }

    public BooleanProperty probingProperty() {
        return probing;
    }

    public ObservableList<DensityProbe.Step> probeSteps() {
        return probeSteps;
    }

    public StringProperty probeResultProperty() {
        return probeResult;
    }

    /** First look: local GPUs and what the ladder would choose here. */
    public void load() {
        tasks.run(gpus::probe, g -> hardware.set(describe(g)), e -> hardware.set("GPU probe failed: " + e.getMessage()));
        refreshLadder();
    }

    public void refreshLadder() {
        EncodeProfile p = profile.get();
        tasks.run(() -> engine.probe(p), choice -> ladder.setAll(lines(choice)),
                e -> ladder.setAll("Ladder could not be walked: " + e.getMessage()));
    }

    static List<String> lines(EncoderChoice c) {
        List<String> out = new ArrayList<>();
        c.rejected().forEach(r -> out.add("✗ " + r.encoder() + ": " + r.reason()));
        out.add("✓ " + c.encoder() + (c.hardware() ? " (hardware)" : " (software)"));
        return out;
    }

    static String describe(LocalGpus g) {
        if (!g.available()) {
            return "No local NVIDIA GPU: " + g.unavailableReason();
        }
        StringBuilder sb = new StringBuilder("Driver " + g.driverVersion() + ", NVML " + g.nvmlVersion());
        for (LocalGpu gpu : g.gpus()) {
            sb.append("\nGPU ").append(gpu.index()).append(": ").append(gpu.name()).append(" · ")
                    .append(gpu.temperatureC().describe("°C")).append(" · encoder ")
                    .append(gpu.encoderUtilisationPct().describe("%")).append(" · NVENC: ")
                    .append(gpu.nvenc().reason());
        }
        return sb.toString();
    }

    /** Starts a test stream in the background; the form's values are read now. */
    public void start() {
        EncodeRequest request;
        try {
            request = new EncodeRequest(name.get(), profile.get(), OutputTarget.parse(output.get()), encoder.get(),
                    realtime.get(), null, false);
        } catch (IllegalArgumentException e) {
            message.set("Cannot start: " + e.getMessage());
            return;
        }
        message.set("Starting " + request.streamName() + "…");
        tasks.run(() -> engine.start(request), s -> {
            LabSession lab = new LabSession(s);
            sessions.add(lab);
            exporter.attach(s);
            message.set("Encoding " + lab.name() + " with " + lab.encoder() + " → " + lab.output());
            name.set("lab-" + (++counter));
        }, e -> message.set("Could not start " + request.streamName() + ": " + e.getMessage()));
    }

    public void stop(LabSession lab) {
        if (lab == null) {
            return;
        }
        sessions.remove(lab);
        exporter.detach(lab.session());
        tasks.run(() -> lab.session().stop(), total -> message.set("Stopped " + lab.name() + ": " + total),
                e -> message.set("Stopping " + lab.name() + " failed: " + e.getMessage()));
    }

    /** Stops every test stream, the probe and the exporter (the console is closing). */
    public void stopAll() {
        new ArrayList<>(sessions).forEach(this::stop);
        cancelProbe.set(true);
        exporter.stop();
    }

    /** Once a second: statistics, and sessions that ended by themselves (with why). */
    public void tick() {
        for (LabSession lab : new ArrayList<>(sessions)) {
            lab.refresh();
            if (!lab.session().isRunning()) {
                sessions.remove(lab);
                exporter.detach(lab.session());
                message.set(lab.name() + " ended" + lab.session().failure().map(f -> ": " + f.getMessage()).orElse(""));
            }
        }
    }

    /** Runs the density probe for the chosen profile and encoder; steps arrive as they finish. */
    public void runProbe() {
        if (probing.get()) {
            return;
        }
        EncodeProfile p = profile.get();
        String enc = encoder.get();
        int max = Math.max(1, probeMax.get());
        cancelProbe.set(false);
        probing.set(true);
        probeSteps.clear();
        probeResult.set("Probing " + p.name() + "…");
        tasks.run(() -> {
            Path scratch = Files.createTempDirectory("fleetdeck-density");
            try {
                return new DensityProbe(engine, Duration.ofSeconds(5), 0.95, scratch)
                        .run(p, enc, max, step -> ui.execute(() -> probeSteps.add(step)), cancelProbe::get);
            } finally {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }, r -> {
            probing.set(false);
            probeResult.set((r.cancelled() ? "Cancelled. So far: " : "") + p.name() + " with " + r.encoder() + ": "
                    + r.maxSessions() + " concurrent real-time sessions hold " + p.fps() + " fps"
                    + (r.maxSessions() == max ? " (the most tried)" : ""));
        }, e -> {
            probing.set(false);
            probeResult.set("Probe failed: " + e.getMessage());
        });
    }

    public void cancelProbe() {
        cancelProbe.set(true);
    }
}

package io.fleetdeck.app;

import io.fleetdeck.app.fx.FxTaskRunner;
import io.fleetdeck.app.session.SessionOpener;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.shell.MainWindow;
import io.fleetdeck.app.shell.TargetList;
import io.fleetdeck.core.audit.JsonLinesAuditLog;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.KubeContext;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.settings.SettingsFile;
import io.fleetdeck.kube.Fabric8ClusterGateway;
import io.fleetdeck.kube.Kubeconfigs;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The composition root: builds every part of the console with constructors and shows the window. */
public final class FleetDeckConsole {
    /** Few and small: real decoded video on the wall without taking the operator's CPU. */
    static final int DEMO_STREAMS = 4;

    private final ConsoleOptions options;
    private DemoCluster demo;

    public FleetDeckConsole(ConsoleOptions options) {
        this.options = options;
    }

    /** Starts the JavaFX runtime and the main window; returns at once, the window lives on the FX thread. */
    public void launch() {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> Platform.exit());
            show(stage);
        });
    }

    public MainViewModel show(Stage stage) {
        Path kubeconfig = options.kubeconfig() != null ? options.kubeconfig() : Kubeconfigs.defaultPath();
        SessionOpener opener = new SessionOpener(Fabric8ClusterGateway::open, this::startDemo,
                AcceleratorPatterns.defaults(), new JsonLinesAuditLog(auditFile()), System.getProperty("user.name"));
        FxTaskRunner tasks = new FxTaskRunner();
        var gpus = new io.fleetdeck.nvml.NvmlGpuProbe();
        var lab = new io.fleetdeck.app.encodelab.EncodeLabViewModel(tasks, Platform::runLater,
                new io.fleetdeck.app.encodelab.LazyEncodeEngine(() -> new io.fleetdeck.media.JavaCvEncodeEngine(gpus)),
                gpus);
        MainViewModel vm = new MainViewModel(tasks, Platform::runLater, opener,
                () -> listTargets(kubeconfig), new io.fleetdeck.media.preview.JavaCvPreviewSource(() -> nvdec(gpus)), lab,
                new SettingsFile(SettingsFile.defaultPath()));
        vm.loadSettings();
        MainWindow window = new MainWindow(vm, options.theme());
        stage.setTitle("FleetDeck");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(window, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight())));
        stage.setOnHidden(e -> {
            vm.close();
            stopDemo();
        });
        stage.show();

        // The kubeconfig is read in the background too: a slow home directory must not hold up the window.
        tasks.run(() -> listTargets(kubeconfig), initial -> {
            vm.targets().setAll(initial.targets());
            vm.connect(initialTarget(initial));
            if (!initial.problem().isEmpty()) {
                vm.errorProperty().set(initial.problem());
            }
        }, e -> vm.errorProperty().set("Cannot read the kubeconfig: " + e.getMessage()));
        return vm;
    }

    private ClusterTarget initialTarget(TargetList list) {
        if (!options.demo()) {
            for (ClusterTarget t : list.targets()) {
                if (!t.demo() && (options.context() == null ? t.context().equals(list.currentContext())
                        : t.context().equals(options.context()))) {
                    return t;
                }
            }
            if (options.context() != null) {
                // Asked for a context that is not there: show the failure through the normal path.
                return new ClusterTarget(options.kubeconfig() != null ? options.kubeconfig()
                        : Kubeconfigs.defaultPath(), options.context(), false);
            }
        }
        return list.targets().getFirst();
    }

    /** The demo fleet first, then the kubeconfig's contexts; a broken kubeconfig is reported, not fatal. */
    TargetList listTargets(Path kubeconfig) {
        List<ClusterTarget> targets = new ArrayList<>();
        targets.add(new ClusterTarget(null, "fleetdeck-demo", true));
        if (!Files.exists(kubeconfig)) {
            return new TargetList(targets, null, "");
        }
        try {
            String current = null;
            for (KubeContext c : Kubeconfigs.contexts(kubeconfig)) {
                targets.add(new ClusterTarget(kubeconfig, c.name(), false));
                if (c.current()) {
                    current = c.name();
                }
            }
            return new TargetList(targets, current, "");
        } catch (ClusterException e) {
            return new TargetList(targets, null, e.getMessage());
        }
    }

    private synchronized ClusterTarget startDemo() {
        if (demo == null) {
            DemoOptions d = DemoOptions.defaults();
            demo = DemoCluster.start(new DemoOptions(options.demoNodes(), d.port(), d.kubeconfig(), d.seed(),
                    d.controllers()));
            demo.startNodeFlaps(io.fleetdeck.sim.control.NodeFlaps.DEFAULT_EVERY,
                    io.fleetdeck.sim.control.NodeFlaps.DEFAULT_OUTAGE);
            try {
                demo.startStreams(new io.fleetdeck.media.JavaCvEncodeEngine(), DEMO_STREAMS);
            } catch (io.fleetdeck.core.media.EncodeException | RuntimeException e) {
                // The fleet is useful without video; the wall then says no pod carries a preview URL.
                System.err.println("fleetdeck: demo streams not started: " + e.getMessage());
            }
        }
        return new ClusterTarget(demo.kubeconfig(), demo.contextName(), true);
    }

    private synchronized void stopDemo() {
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }

    /** Whether previews may try NVDEC: NVML sees at least one NVIDIA GPU (asked once, off the UI thread). */
    private static boolean nvdec(io.fleetdeck.core.gpu.LocalGpuProbe gpus) {
        var found = gpus.probe();
        return found.available() && !found.gpus().isEmpty();
    }

    /** The audit log: {@code -Dfleetdeck.state.dir}, else the XDG state directory. */
    public static Path auditFile() {
        String override = System.getProperty("fleetdeck.state.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override, "audit.jsonl");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("fleetdeck").resolve("audit.jsonl");
    }
}

package io.fleetdeck.app.shell;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.nodes.Fleets;
import io.fleetdeck.app.session.SessionOpener;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConnectionState;
import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetSink;
import io.fleetdeck.core.model.AcceleratorPatterns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final ClusterTarget prod = new ClusterTarget(Path.of("kubeconfig"), "prod", false);
    private final ClusterTarget broken = new ClusterTarget(Path.of("kubeconfig"), "broken", false);
    private final MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), r -> { synchronized (uiQueue) { uiQueue.add(r); } },
            new SessionOpener(this::gateway, () -> prod, AcceleratorPatterns.defaults(), e -> { }, "ops"),
            () -> new TargetList(List.of(prod, broken), "prod", ""), (url, request) -> {
                throw new IllegalStateException("no previews in this test");
            }, new io.fleetdeck.app.encodelab.EncodeLabViewModel(TaskRunner.sameThread(), Runnable::run,
                    new io.fleetdeck.media.JavaCvEncodeEngine(),
                    io.fleetdeck.core.gpu.LocalGpuProbe.unavailable("no GPU in this test")));

    @AfterEach
    void close() {
        vm.close();
    }

    private ClusterGateway gateway(ClusterTarget target, AcceleratorPatterns patterns) throws ClusterException {
        if (target == broken) {
            throw new ClusterException(ClusterException.Kind.UNREACHABLE,
                    "Cannot reach the API server https://10.0.0.1:6443: connection refused");
        }
        return new FeedingGateway(target);
    }

    @Test
    void anUnreachableClusterIsExplainedAndTheConsoleStaysUsable() {
        vm.connect(broken);
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(vm.errorProperty().get()).isEqualTo(
                "Cannot show broken: Cannot reach the API server https://10.0.0.1:6443: connection refused");

        vm.connect(prod);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.serverTextProperty().get()).isEqualTo("https://127.0.0.1:6443");
    }

    @Test
    void thePulseFillsTheNodesAndTheStatusBar() throws Exception {
        vm.connect(prod);
        long deadline = System.currentTimeMillis() + 5000;
        while (uiQueue.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<Runnable> posted;
        synchronized (uiQueue) {
            posted = new ArrayList<>(uiQueue);
        }
        posted.forEach(Runnable::run);
        assertThat(vm.nodes().rows()).hasSize(4);
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.LIVE);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Live");
        assertThat(vm.totalsTextProperty().get()).isEqualTo("4 nodes (3 ready, 1 cordoned) · 3 pods · 3 sessions");
    }

    @Test
    void reloadingTargetsKeepsTheCurrentOne() {
        vm.reloadTargets();
        assertThat(vm.targets()).containsExactly(prod, broken);
    }

    /** A gateway that hands the sink a small fleet at start, as the fabric8 one does with informers. */
    @Test
    void anUnusableSettingsFileIsToldOnceAndTheDefaultsApply(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.yaml");
        java.nio.file.Files.writeString(file, "density:\n  profile: 4k60\n");
        MainViewModel withFile = new MainViewModel(TaskRunner.sameThread(), Runnable::run,
                new SessionOpener(this::gateway, () -> prod, AcceleratorPatterns.defaults(), e -> { }, "ops"),
                () -> new TargetList(List.of(prod), "prod", ""), (url, request) -> {
                    throw new IllegalStateException("no previews in this test");
                }, new io.fleetdeck.app.encodelab.EncodeLabViewModel(TaskRunner.sameThread(), Runnable::run,
                        new io.fleetdeck.media.JavaCvEncodeEngine(),
                        io.fleetdeck.core.gpu.LocalGpuProbe.unavailable("no GPU in this test")),
                new io.fleetdeck.core.settings.SettingsFile(file));
        try {
            withFile.loadSettings();
            assertThat(withFile.settingsNoticeProperty().get()).startsWith("Settings file " + file
                    + ": density.profile '4k60' has no table under density.sessionsPerGpu").endsWith("left as it is.");
            assertThat(withFile.settings().currentProperty().get())
                    .isEqualTo(io.fleetdeck.core.settings.FleetSettings.defaults());
            withFile.connect(prod);
            assertThat(withFile.settingsNoticeProperty().get()).as("connecting clears only the connection error")
                    .isNotEmpty();
            withFile.settingsNoticeProperty().set("");
            assertThat(withFile.settings().problemProperty().get()).as("the Slices panel still tells it").isNotEmpty();
            assertThat(java.nio.file.Files.readString(file)).isEqualTo("density:\n  profile: 4k60\n");

            withFile.settings().setSessions("Tesla-T4", "30");
            assertThat(withFile.slices().targets().sessionsPerGpu("Tesla-T4")).hasValue(30);
        } finally {
            withFile.close();
        }
    }

    private static final class FeedingGateway implements ClusterGateway {
        private final ClusterTarget target;

        FeedingGateway(ClusterTarget target) {
            this.target = target;
        }

        @Override
        public ClusterTarget target() {
            return target;
        }

        @Override
        public String serverUrl() {
            return "https://127.0.0.1:6443";
        }

        @Override
        public void start(FleetSink sink) {
            var store = Fleets.store(4);
            List<FleetChange> batch = new ArrayList<>();
            for (var s : store.takeDelta().changed()) {
                batch.add(new FleetChange.NodeUpserted(s.node()));
            }
            for (var s : List.of("gpu-000", "gpu-001")) {
                store.podsOn(s).forEach(p -> batch.add(new FleetChange.PodUpserted(p)));
            }
            sink.apply(batch);
            sink.synced(FleetSink.SyncedKind.NODES);
            sink.synced(FleetSink.SyncedKind.PODS);
            sink.connection(ConnectionStatus.live(Instant.now()));
        }

        @Override
        public void setCordoned(String nodeName, boolean cordoned) {
        }

        @Override
        public List<ClusterEvent> recentEvents(String nodeName) {
            return List.of();
        }

        @Override
        public void recordAction(io.fleetdeck.core.cluster.ObjectRef target, String reason, String message) {
        }

        @Override
        public io.fleetdeck.core.cluster.ConfigMapData readConfigMap(String namespace, String name)
                throws ClusterException {
            throw new ClusterException(ClusterException.Kind.NOT_FOUND, "ConfigMap " + name + " not found");
        }

        @Override
        public io.fleetdeck.core.cluster.ConfigMapData replaceConfigMapData(
                io.fleetdeck.core.cluster.ConfigMapData edited) throws ClusterException {
            throw new ClusterException(ClusterException.Kind.NOT_FOUND, "ConfigMap " + edited.name() + " not found");
        }

        @Override
        public void close() {
        }
    }
}

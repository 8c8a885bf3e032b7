package io.fleetdeck.system.bench;

import io.fleetdeck.app.slices.SlicesView;
import io.fleetdeck.app.slices.SlicesViewModel;
import io.fleetdeck.core.capacity.CapacityLedger;
import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeCondition;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetStore;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The slices benchmark: a 5,000-node fleet with 50,000 sessions in the core store; fleet totals computed
 * from scratch, the incremental cost of one pod event, and the Slices view's pulse and scroll on the UI
 * thread (headless). Prints a table.
 *
 * <p>Run: {@code mvn -B -Pbench -Dbench.main=io.fleetdeck.system.bench.CapacityBenchmark -DskipTests -pl src/test -am verify}
 */
public final class CapacityBenchmark {
    private static final String[][] TYPES = {
        {"g4dn.2xlarge", "Tesla-T4", "28", "amd64", "gpu-t4"},
        {"g5.2xlarge", "NVIDIA-A10G", "31", "amd64", "gpu-a10g"},
        {"g5g.2xlarge", "NVIDIA-T4G", "28", "arm64", "gpu-arm"}};

    private CapacityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Random random = new Random(42);
        FleetStore store = new FleetStore(AcceleratorPatterns.defaults());
        List<FleetChange> batch = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            batch.add(new FleetChange.NodeUpserted(node(i)));
        }
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            PodInfo p = session(i, "node-" + (i % nodes), 0);
            pods.add(p);
            batch.add(new FleetChange.PodUpserted(p));
        }
        store.apply(batch);
        FleetDelta initial = store.takeDelta();
        Map<String, NodeSummary> summaries = new HashMap<>();
        initial.changed().forEach(s -> summaries.put(s.name(), s));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"fleet", nodes + " nodes, " + sessions + " sessions", ""});

        DensityTargets targets = DensityTargets.defaults();
        CostTable costs = CostTable.defaults();
        List<Long> scratch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            CapacityLedger.compute(summaries.values(), List.of(), Grouping.PRODUCT, targets, costs).rows();
            scratch.add(System.nanoTime() - t);
        }
        rows.add(new String[] {"fleet totals from scratch p50 / p99", ms(FleetBenchmark.percentile(scratch, 50))
                + " / " + ms(FleetBenchmark.percentile(scratch, 99)), ""});

        CapacityLedger ledger = CapacityLedger.compute(summaries.values(), List.of(), Grouping.PRODUCT, targets, costs);
        List<Long> perEvent = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            PodInfo old = pods.get(random.nextInt(pods.size()));
            long t = System.nanoTime();
            // One pod event: the store updates its node's figures, the ledger replaces that node's share.
            store.apply(List.of(new FleetChange.PodUpserted(session(Integer.parseInt(old.uid()), old.nodeName(),
                    i % 3))));
            FleetDelta d = store.takeDelta();
            ledger.apply(d);
            ledger.fleet();
            perEvent.add(System.nanoTime() - t);
        }
        rows.add(new String[] {"one pod event → store + ledger p50 / p99", us(FleetBenchmark.percentile(perEvent, 50))
                + " / " + us(FleetBenchmark.percentile(perEvent, 99)), ""});

        // The time-slicing editor recomputes its impact on every keystroke: one config edited at fleet size.
        Map<String, String> before = new HashMap<>();
        for (String[] t : TYPES) {
            before.put(configKey(t), devicePluginConfig(Integer.parseInt(t[2])));
        }
        Map<String, String> after = Map.of(configKey(TYPES[0]), devicePluginConfig(30));
        List<Long> impact = new ArrayList<>();
        int affected = 0;
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            TimeSlicingImpact result = TimeSlicingImpact.compute(before, after, summaries.values(), null, targets);
            impact.add(System.nanoTime() - t);
            affected = result.nodes().size();
        }
        rows.add(new String[] {"time-slicing impact of one edit (" + affected + " nodes) p50 / p99",
                ms(FleetBenchmark.percentile(impact, 50)) + " / " + ms(FleetBenchmark.percentile(impact, 99)), ""});

        Platform.startup(() -> { });
        io.fleetdeck.app.nodes.NodesViewModel nodeRows = new io.fleetdeck.app.nodes.NodesViewModel();
        SlicesViewModel vm = new SlicesViewModel(targets, costs, nodeRows.rows());
        CompletableFuture<ListView<?>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            SlicesView view = new SlicesView(vm, name -> { });
            stage.setScene(new Scene(view, 1400, 900));
            stage.show();
            vm.setActive(true);
            nodeRows.apply(initial);
            vm.apply(initial);
            shown.complete((ListView<?>) view.lookup("#sliceGrid"));
        });
        ListView<?> grid = shown.get(1, TimeUnit.MINUTES);
        List<Long> pulses = new ArrayList<>();
        List<Long> scrolls = new ArrayList<>();
        int warmUp = 40;
        for (int p = 0; p < warmUp + 200; p++) {
            if (p == warmUp) {
                // The first pulses pay for class loading, JIT and cell creation: not the steady state.
                pulses.clear();
                scrolls.clear();
            }
            // A pulse of a busy fleet: 75 pod events (500/s over 150 ms) on as many nodes.
            List<FleetChange> changes = new ArrayList<>();
            for (int i = 0; i < 75; i++) {
                PodInfo old = pods.get(random.nextInt(pods.size()));
                changes.add(new FleetChange.PodUpserted(session(Integer.parseInt(old.uid()), old.nodeName(), p % 2)));
            }
            store.apply(changes);
            FleetDelta d = store.takeDelta();
            int step = p;
            pulses.add(FleetBenchmark.onFx(() -> {
                long t = System.nanoTime();
                nodeRows.apply(d);
                vm.apply(d);
                grid.getScene().getRoot().applyCss();
                grid.getScene().getRoot().layout();
                return System.nanoTime() - t;
            }));
            scrolls.add(FleetBenchmark.onFx(() -> {
                long t = System.nanoTime();
                grid.scrollTo(step * 37 % Math.max(1, grid.getItems().size()));
                grid.getScene().getRoot().applyCss();
                grid.getScene().getRoot().layout();
                return System.nanoTime() - t;
            }));
        }
        rows.add(new String[] {"Slices view pulse (75 node changes) p50 / p99 / max",
                ms(FleetBenchmark.percentile(pulses, 50)) + " / " + ms(FleetBenchmark.percentile(pulses, 99)) + " / "
                        + ms(FleetBenchmark.percentile(pulses, 100)), "≤ 50 ms"});
        rows.add(new String[] {"slice grid scroll step p50 / p99 / max",
                ms(FleetBenchmark.percentile(scrolls, 50)) + " / " + ms(FleetBenchmark.percentile(scrolls, 99)) + " / "
                        + ms(FleetBenchmark.percentile(scrolls, 100)), "≤ 50 ms"});
        FleetBenchmark.print(rows);
        Platform.exit();
        System.exit(0);
    }

    private static String configKey(String[] type) {
        return type[4] + "-" + type[2];
    }

    private static String devicePluginConfig(int replicas) {
        return """
                version: v1
                sharing:
                  timeSlicing:
                    resources:
                      - name: nvidia.com/gpu
                        replicas: %d
                """.formatted(replicas);
    }

    private static EncoderNode node(int i) {
        String[] t = TYPES[i % TYPES.length];
        Map<String, String> labels = Map.of(FleetLabels.INSTANCE_TYPE, t[0], FleetLabels.GPU_PRODUCT, t[1] + "-SHARED",
                FleetLabels.GPU_COUNT, "1", FleetLabels.GPU_REPLICAS, t[2], FleetLabels.ARCH, t[3],
                FleetLabels.NODEPOOL, t[4], FleetLabels.ZONE, "us-east-1" + "abc".charAt(i % 3),
                FleetLabels.DEVICE_PLUGIN_CONFIG, configKey(t));
        Map<String, String> alloc = Map.of(FleetLabels.GPU_RESOURCE, t[2], "pods", "110", "cpu", "8");
        return new EncoderNode("uid-node-" + i, "node-" + i, labels, Map.of(), List.of(), false,
                List.of(new NodeCondition("Ready", "True", "KubeletReady", "", Instant.EPOCH)), alloc, alloc,
                "Bottlerocket OS 1.26.2 (aws-k8s-1.31-nvidia)", "6.1.119", "v1.31.4", "containerd://1.7.24",
                Instant.EPOCH, false);
    }

    private static PodInfo session(int i, String node, int restarts) {
        return new PodInfo(String.valueOf(i), "streaming", "enc-" + i, node, PodPhase.RUNNING, false, "ReplicaSet",
                "live", Map.of(FleetLabels.GPU_RESOURCE, 1L), "channel-" + i, null, 25, Instant.EPOCH, null, null,
                restarts, false, Map.of());
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
}

package io.fleetdeck.system.bench;

import io.fleetdeck.app.ConsoleOptions;
import io.fleetdeck.app.FleetDeckConsole;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetStore;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fleet benchmark of the foundation issue: a 5,000-node demo fleet in its own JVM; the console
 * (headless) connects to it; kubectl lists every pod of the same server; then 500 pod updates per second
 * flow while the view's latency and the UI thread's frame gaps are recorded. Prints a table.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests -pl src/test -am verify} (arguments: nodes, updates/s, seconds).
 */
public final class FleetBenchmark {
    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("fleetdeck-bench");
        Path kubeconfig = dir.resolve("kubeconfig");
        System.setProperty("fleetdeck.state.dir", dir.toString());
        List<String[]> rows = new ArrayList<>();

        try (DemoClusterProcess demo = new DemoClusterProcess(nodes, kubeconfig)) {
            rows.add(row("demo fleet", demo.nodes + " nodes, " + demo.pods + " pods", ""));
            rows.add(row("demo fleet start (own JVM)", secs(demo.startSeconds), ""));
            double kubectl = kubectlSeconds(kubeconfig);
            rows.add(row("kubectl get pods -A -o json", secs(kubectl), ""));

            Platform.startup(() -> { });
            long t0 = System.nanoTime();
            CompletableFuture<MainViewModel> vmFuture = new CompletableFuture<>();
            Platform.runLater(() -> vmFuture.complete(new FleetDeckConsole(new ConsoleOptions(kubeconfig,
                    "fleetdeck-demo", false, nodes, Theme.DARK)).show(new Stage())));
            MainViewModel vm = vmFuture.get(1, TimeUnit.MINUTES);
            double windowShown = (System.nanoTime() - t0) / 1e9;
            // "Connect" is when the console starts connecting: the window is built and the kubeconfig read.
            waitUntil(() -> onFx(() -> vm.stateProperty().get() == io.fleetdeck.core.cluster.ConnectionState.CONNECTING
                    || vm.session().isPresent()), t0, 60);
            double connectAt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            rows.add(row("console start → window shown / connecting", secs(windowShown) + " / " + secs(connectAt), ""));
            double connected = waitUntil(() -> onFx(() -> vm.session().isPresent()), t0, 300);
            double nodesShown = waitUntil(() -> onFx(() -> vm.nodes().rows().size()) >= demo.nodes, t0, 300);
            double complete = waitUntil(() -> onFx(() -> "Live".equals(vm.connectionTextProperty().get())), t0, 300);
            rows.add(row("connect → API checked, watches started", secs(connected), ""));
            rows.add(row("connect → all node rows shown", secs(nodesShown), ""));
            rows.add(row("connect → complete view (all pods counted)", secs(complete),
                    ratio(complete / kubectl, 0.25)));
            FleetStore store = vm.session().orElseThrow().store();
            rows.add(row("console store", store.nodeCount() + " nodes, " + store.podCount() + " pods", ""));
            Thread.sleep(2000);
            rows.add(row("console heap after GC", mb(usedHeapAfterGc()), "≤ 600 MB"));

            FrameProbe frames = new FrameProbe();
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString()))
                    .build()) {
                List<Pod> sessions = client.pods().inAnyNamespace().list().getItems().stream()
                        .filter(p -> p.getMetadata().getAnnotations() != null
                                && p.getMetadata().getAnnotations().containsKey("fleetdeck.io/stream")
                                && p.getSpec().getNodeName() != null
                                && p.getStatus().getContainerStatuses() != null
                                && !p.getStatus().getContainerStatuses().isEmpty())
                        .toList();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                List<Long> fromAck = Collections.synchronizedList(new ArrayList<>());
                List<Long> fromArrival = Collections.synchronizedList(new ArrayList<>());
                List<Long> fromInformer = Collections.synchronizedList(new ArrayList<>());
                // An independent watch in this JVM timestamps when each change reaches the workstation.
                Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
                String from = client.pods().inAnyNamespace().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                        .withLimit(1L).build()).getMetadata().getResourceVersion();
                io.fabric8.kubernetes.client.Watch arrivalWatch = client.pods().inAnyNamespace().watch(
                        new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(from).build(),
                        new io.fabric8.kubernetes.client.Watcher<Pod>() {
                            @Override
                            public void eventReceived(Action action, Pod pod) {
                                var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
                                if (statuses != null && !statuses.isEmpty()) {
                                    arrivals.putIfAbsent(pod.getMetadata().getUid() + ":"
                                            + statuses.getFirst().getRestartCount(), System.nanoTime());
                                }
                            }

                            @Override
                            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                            }
                        });
                try (PodChurn churn = new PodChurn(client, sessions)) {
                    Platform.runLater(() -> {
                        frames.start();
                        vm.pulseStats().reset();
                        // Matched just after the pulse (same thread, the rows already shown), so the benchmark's
                        // own bookkeeping is not counted as the console's pulse time.
                        vm.nodes().revisionProperty().addListener((o, a, b) -> Platform.runLater(() -> arrived(churn,
                                store, latencies, fromAck, arrivals, fromArrival, fromInformer)));
                    });
                    churn.start(rate);
                    Thread.sleep(seconds * 1000L);
                    churn.close();
                    Thread.sleep(1500);
                    Platform.runLater(frames::stop);
                    onFx(() -> null);
                    rows.add(row("pod updates sent", churn.sent.get() + " in " + seconds + " s ("
                            + (churn.sent.get() / seconds) + "/s), " + churn.failed.get() + " not sent", ""));
                    rows.add(row("updates seen in view", latencies.size() + " (" + churn.pending.size()
                            + " superseded or unseen)", ""));
                }
                rows.add(row("PATCH sent → view p50 / p99", ms(percentile(latencies, 50)) + " / "
                        + ms(percentile(latencies, 99)), ""));
                arrivalWatch.close();
                rows.add(row("PATCH answered → view p50 / p99", ms(percentile(fromAck, 50)) + " / "
                        + ms(percentile(fromAck, 99)), ""));
                rows.add(row("watch event at a second watch → view p50 / p99 (" + fromArrival.size() + ")",
                        ms(percentile(fromArrival, 50)) + " / " + ms(percentile(fromArrival, 99)), ""));
                rows.add(row("watch event at the console's informer → view p50", ms(percentile(fromInformer, 50)), ""));
                rows.add(row("watch event at the console's informer → view p99 (" + fromInformer.size() + ")",
                        ms(percentile(fromInformer, 99)), "≤ 300 ms"));
                long[] pulse = onFx(() -> new long[] {vm.pulseStats().count(),
                        vm.pulseStats().percentileNanos(99), vm.pulseStats().maxNanos()});
                rows.add(row("UI pulse apply p99 / max (" + pulse[0] + " pulses)", ms(pulse[1]) + " / "
                        + ms(pulse[2]), "≤ 50 ms"));
                rows.add(row("UI frame gap p99 / max (incl. render, GC, CPU contention)",
                        ms(frames.percentile(99)) + " / " + ms(frames.max()), ""));
                rows.add(row("UI frames over 50 ms", frames.over(50) + " of " + frames.count(), ""));
            }
            Platform.runLater(() -> vm.close());
        }
        print(rows);
        Platform.exit();
        System.exit(0);
    }

    /** Called on the UI thread after the rows took a delta: every update the store now holds is on screen. */
    private static void arrived(PodChurn churn, FleetStore store, List<Long> latencies, List<Long> fromAck,
                                Map<String, Long> arrivals, List<Long> fromArrival, List<Long> fromInformer) {
        long now = System.nanoTime();
        for (Map.Entry<String, PodChurn.Sent> e : churn.pending.entrySet()) {
            PodChurn.Sent s = e.getValue();
            PodInfo p = store.pod(e.getKey());
            if (p != null && p.restarts() >= s.restarts() && churn.pending.remove(e.getKey(), s)) {
                latencies.add(now - s.sentNanos());
                // The watch can beat the PATCH's own answer home; then the event-to-view time is under zero.
                fromAck.add(Math.max(0, now - Math.min(now, s.ackedNanos())));
                Long arrival = arrivals.remove(e.getKey() + ":" + s.restarts());
                if (arrival != null) {
                    fromArrival.add(now - arrival);
                }
                // The same event as the console's own pod informer received it (pending is keyed by uid); an update
                // shown before its PATCH answered has no resourceVersion here yet and is left out (a fast one).
                Long atInformer = s.resourceVersion() == null ? null
                        : io.fleetdeck.kube.WatchTrace.take(e.getKey(), s.resourceVersion());
                if (atInformer != null) {
                    fromInformer.add(now - atInformer);
                }
            }
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static double waitUntil(Check check, long t0, int timeoutSeconds) throws Exception {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static double kubectlSeconds(Path kubeconfig) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 1; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "pods", "-A",
                    "-o", "json").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kubectl failed: " + p.exitValue());
            }
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long percentile(List<Long> values, int p) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        if (copy.isEmpty()) {
            return -1;
        }
        Collections.sort(copy);
        int index = (int) Math.ceil(p / 100.0 * copy.size()) - 1;
        return copy.get(Math.max(0, Math.min(index, copy.size() - 1)));
    }

    private static String[] row(String metric, String value, String target) {
        return new String[] {metric, value, target};
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String ratio(double r, double target) {
        return String.format(Locale.ROOT, "%.2f × kubectl (target ≤ %.2f)", r, target);
    }

    static void print(List<String[]> rows) {
        int w0 = 10;
        int w1 = 10;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        String fmt = "| %-" + w0 + "s | %-" + w1 + "s | %s%n";
        System.out.println();
        System.out.printf(fmt, "metric", "value", "target");
        System.out.printf(fmt, "-".repeat(w0), "-".repeat(w1), "------");
        for (String[] r : rows) {
            System.out.printf(fmt, r[0], r[1], r[2]);
        }
    }

    /** Frame-to-frame gaps of the UI thread: a gap over 50 ms is a pulse the operator would feel. */
    private static final class FrameProbe extends AnimationTimer {
        private final List<Long> gaps = new ArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add(now - last);
            }
            last = now;
        }

        long percentile(int p) {
            return FleetBenchmark.percentile(gaps, p);
        }

        long max() {
            return gaps.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        long over(int millis) {
            return gaps.stream().filter(g -> g > TimeUnit.MILLISECONDS.toNanos(millis)).count();
        }

        int count() {
            return gaps.size();
        }
    }
}

package io.fleetdeck.app;

import io.fleetdeck.core.capacity.CapacityLedger;
import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.settings.FleetSettings;
import io.fleetdeck.core.settings.SettingsException;
import io.fleetdeck.core.settings.SettingsFile;
import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetStore;
import io.fleetdeck.kube.Fabric8ClusterGateway;
import io.fleetdeck.kube.Kubeconfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code fleetdeck slices}: the fleet's accelerator totals for runbooks and scripts, computed by the same
 * core code as the console's Slices view.
 */
@Command(name = "slices", mixinStandardHelpOptions = true,
        description = "Print accelerator capacity, use, pending demand, sessions and $/session-hour per group.")
final class SlicesCommand implements Callable<Integer> {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Context (default: the current one).")
    String context;

    @Option(names = "--by", paramLabel = "product|instance-type|nodepool|arch", defaultValue = "product",
            description = "Grouping (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the node and pod lists (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--settings", paramLabel = "FILE", description = "Density and cost settings (default: "
            + "$XDG_CONFIG_HOME/fleetdeck/settings.yaml or ~/.config/fleetdeck/settings.yaml; none: FIELD.md's figures).")
    Path settingsFile;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        Grouping grouping;
        try {
            grouping = Grouping.parse(by);
        } catch (IllegalArgumentException e) {
            err.println("slices: " + e.getMessage());
            return 2;
        }
        FleetSettings settings;
        try {
            settings = settings();
        } catch (SettingsException e) {
            err.println("slices: " + e.getMessage());
            return 2;
        }
        Path file = kubeconfig != null ? kubeconfig : Kubeconfigs.defaultPath();
        AcceleratorPatterns patterns = AcceleratorPatterns.defaults();
        FleetStore store = new FleetStore(patterns);
        Map<String, NodeSummary> nodes = new HashMap<>();
        FleetDelta last;
        try (ClusterGateway gateway = Fabric8ClusterGateway.open(new ClusterTarget(file, context, false), patterns)) {
            gateway.start(store);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            do {
                Thread.sleep(100);
                last = store.takeDelta();
                last.changed().forEach(s -> nodes.put(s.name(), s));
                last.removed().forEach(nodes::remove);
                if (System.nanoTime() > deadline) {
                    err.println("slices: the cluster's node and pod lists did not arrive within " + timeoutSeconds + " s");
                    return 1;
                }
            } while (!last.podsSynced());
        } catch (ClusterException e) {
            err.println("slices: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        CapacityLedger ledger = CapacityLedger.compute(nodes.values(), store.pendingPods(), grouping,
                settings.densityTargets(), settings.costTable());
        if (json) {
            printJson(grouping, ledger.rows(), ledger.fleet());
        } else {
            printTable(grouping, ledger.rows(), ledger.fleet());
        }
        return 0;
    }

    /** The same file the console reads; a file named with --settings must exist, the default one need not. */
    private FleetSettings settings() throws SettingsException {
        if (settingsFile == null) {
            return new SettingsFile(SettingsFile.defaultPath()).load();
        }
        return new SettingsFile(settingsFile).read()
                .orElseThrow(() -> new SettingsException(settingsFile, "no such file"));
    }

    private void printTable(Grouping g, List<CapacityRow> rows, CapacityRow fleet) {
        String fmt = "%-22s %6s %9s %8s %8s %8s %9s %9s %12s%n";
        out.printf(Locale.ROOT, fmt, g.word().toUpperCase(Locale.ROOT), "NODES", "CAPACITY", "USED", "FREE", "PENDING",
                "SESSIONS", "$/H", "$/SESSION-H");
        for (CapacityRow r : rows) {
            printRow(fmt, r);
        }
        printRow(fmt, fleet);
    }

    private void printRow(String fmt, CapacityRow r) {
        out.printf(Locale.ROOT, fmt, r.group(), r.nodes(), r.capacity(), r.used(), r.free(), r.pending(), r.sessions(),
                String.format(Locale.ROOT, "%.3f", r.dollarsPerHour()), perSession(r));
    }

    private static String perSession(CapacityRow r) {
        double v = r.dollarsPerSessionHour();
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private void printJson(Grouping g, List<CapacityRow> rows, CapacityRow fleet) {
        StringBuilder sb = new StringBuilder("{\"by\":\"").append(g.word()).append("\",\"groups\":[");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(json(rows.get(i)));
        }
        sb.append("],\"fleet\":").append(json(fleet)).append('}');
        out.println(sb);
    }

    private static String json(CapacityRow r) {
        double ps = r.dollarsPerSessionHour();
        return String.format(Locale.ROOT, "{\"group\":\"%s\",\"nodes\":%d,\"capacity\":%d,\"used\":%d,\"free\":%d,"
                        + "\"reserved\":%d,\"pending\":%d,\"sessions\":%d,\"sessionsAtTarget\":%d,"
                        + "\"dollarsPerHour\":%.3f,\"dollarsPerSessionHour\":%s,\"oversubscribedNodes\":%d,"
                        + "\"strandedNodes\":%d}",
                r.group().replace("\\", "\\\\").replace("\"", "\\\""), r.nodes(), r.capacity(), r.used(), r.free(),
                r.reserved(), r.pending(), r.sessions(), r.sessionsAtTarget(), r.dollarsPerHour(),
                Double.isNaN(ps) ? "null" : String.format(Locale.ROOT, "%.5f", ps), r.oversubscribedNodes(),
                r.strandedNodes());
    }
}

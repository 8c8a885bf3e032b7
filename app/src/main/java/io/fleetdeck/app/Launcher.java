package io.fleetdeck.app;

import io.fleetdeck.app.theme.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The entry point. A plain class (not a JavaFX Application) so the jar runs from the class path.
 * No subcommand starts the console.
 */
@Command(name = "fleetdeck", mixinStandardHelpOptions = true, version = "FleetDeck 0.1.0",
        description = "Console for Kubernetes fleets of GPU/FPGA video-encoding nodes.",
        subcommands = {DemoClusterCommand.class, SlicesCommand.class, EncodeCommand.class, ProbeDensityCommand.class, GpuCommand.class})
public final class Launcher implements Callable<Integer> {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to read (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Context to show first (default: the current one).")
    String context;

    @Option(names = "--demo", description = "Start on the embedded demo fleet.")
    boolean demo;

    @Option(names = "--demo-nodes", paramLabel = "N", defaultValue = "60",
            description = "Size of the embedded demo fleet (default: ${DEFAULT-VALUE}).")
    int demoNodes;

    @Option(names = "--theme", paramLabel = "dark|light", defaultValue = "dark",
            description = "Colour theme (default: ${DEFAULT-VALUE}).")
    String theme;

    public static void main(String[] args) {
        int code = new CommandLine(new Launcher()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        Theme t = "light".equalsIgnoreCase(theme) ? Theme.LIGHT : Theme.DARK;
        try {
            new FleetDeckConsole(new ConsoleOptions(kubeconfig, context, demo, demoNodes, t)).launch();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("fleetdeck: cannot open a window (" + e.getMessage() + "). "
                    + "Is DISPLAY set? For the demo fleet alone use: fleetdeck demo-cluster");
            return 3;
        }
        return 0;
    }
}

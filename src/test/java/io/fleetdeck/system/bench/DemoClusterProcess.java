package io.fleetdeck.system.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo fleet in its own JVM ({@code fleetdeck demo-cluster}), so the console's heap is measured alone,
 * as it would be on an operator's workstation.
 */
final class DemoClusterProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Demo fleet ready in ([0-9.]+) s: (\\d+) nodes, (\\d+) pods");

    /** {@code -Dbench.serverNice=N}: run the demo fleet's JVM at nice N (0, the default, = same priority). */
    static final int NICE = Integer.getInteger("bench.serverNice", 0);

    private final Process process;
    final double startSeconds;
    final int nodes;
    final int pods;

    DemoClusterProcess(int nodes, Path kubeconfig) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        if (NICE > 0) {
            // The simulated API server stands in for a remote one: on a lower priority it no longer takes the
            // workstation's CPU from the console (it still shares the 2 cores).
            command.addAll(List.of("nice", "-n", String.valueOf(NICE)));
        }
        command.addAll(List.of(java, "-Xmx6g", "-cp", System.getProperty("java.class.path"),
                "io.fleetdeck.app.Launcher", "demo-cluster", "--nodes", String.valueOf(nodes), "--session-fill", "0.4", "--streams", "0",
                "--kubeconfig", kubeconfig.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        Matcher m = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            Matcher candidate = READY.matcher(line);
            if (candidate.find()) {
                m = candidate;
                break;
            }
        }
        if (m == null) {
            process.destroyForcibly();
            throw new IOException("demo-cluster did not become ready (last line: " + line + ")");
        }
        startSeconds = Double.parseDouble(m.group(1));
        this.nodes = Integer.parseInt(m.group(2));
        this.pods = Integer.parseInt(m.group(3));
        // Keep draining its output so it never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

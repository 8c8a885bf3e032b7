package io.fleetdeck.app;

import io.fabric8.kubernetes.api.model.Node;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fleetdeck slices} against the embedded demo fleet agrees with what the API server says. */
class SlicesCommandTest {
    private static DemoCluster demo;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start(DemoOptions.defaults().withNodes(24));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @TempDir
    Path dir;

    private static String run(String... args) {
        SlicesCommand command = new SlicesCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CommandLine(command).execute(args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonFleetCapacityMatchesTheAllocatableSlicesAndSlots() {
        String json = run("--kubeconfig", demo.kubeconfig().toString(), "--context", demo.contextName(), "--json");
        long allocatable = 0;
        for (Node n : demo.client().nodes().list().getItems()) {
            for (var e : n.getStatus().getAllocatable().entrySet()) {
                if (e.getKey().equals("nvidia.com/gpu") || e.getKey().startsWith("fpga.accelerator.")) {
                    allocatable += Long.parseLong(e.getValue().getAmount());
                }
            }
        }
        Matcher fleet = Pattern.compile("\"fleet\":\\{\"group\":\"fleet\",\"nodes\":(\\d+),\"capacity\":(\\d+)")
                .matcher(json);
        assertThat(fleet.find()).as(json).isTrue();
        assertThat(Integer.parseInt(fleet.group(1))).isEqualTo(demo.nodeCount());
        assertThat(Long.parseLong(fleet.group(2))).isEqualTo(allocatable);
        assertThat(json).contains("\"by\":\"product\"").contains("\"group\":\"Tesla-T4\"");
    }

    @Test
    void tableByNodePoolListsThePools() {
        String table = run("--kubeconfig", demo.kubeconfig().toString(), "--by", "nodepool");
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("NODEPOOL").contains("$/SESSION-H");
        assertThat(table).contains("gpu-t4").contains("gpu-a10g").contains("fpga");
        assertThat(table.lines().reduce((a, b) -> b).orElseThrow()).startsWith("fleet");
    }

    @Test
    void anUnknownGroupingIsExplained() {
        SlicesCommand command = new SlicesCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CommandLine(command).execute("--by", "colour");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown grouping 'colour'").contains("nodepool");
    }

    @Test
    void pricesAndTargetsComeFromTheSettingsFile() throws Exception {
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, """
                density:
                  profile: 720p25
                  sessionsPerGpu:
                    720p25: {Tesla-T4: 2}
                prices:
                  g4dn.2xlarge: 1.0
                """);
        String json = run("--kubeconfig", demo.kubeconfig().toString(), "--json", "--settings", settings.toString());
        Matcher t4 = Pattern.compile("\\{\"group\":\"Tesla-T4\",\"nodes\":(\\d+),.*?\"dollarsPerHour\":([0-9.]+),"
                + "\"dollarsPerSessionHour\":[^,]+,\"oversubscribedNodes\":(\\d+)").matcher(json);
        assertThat(t4.find()).as(json).isTrue();
        int nodes = Integer.parseInt(t4.group(1));
        assertThat(Double.parseDouble(t4.group(2))).isEqualTo(nodes * 1.0);
        assertThat(Integer.parseInt(t4.group(3))).as("every T4 has more than 2 slices").isEqualTo(nodes);
        assertThat(json).as("A10G has no price in this file").containsPattern(
                "\"group\":\"NVIDIA-A10G\",[^}]*\"dollarsPerHour\":0.000,\"dollarsPerSessionHour\":null");
    }

    @Test
    void aMalformedSettingsFileStopsWithItsMessage() throws Exception {
        Path settings = dir.resolve("settings.yaml");
        Files.writeString(settings, "prices:\n  g4dn.2xlarge: [\n");
        SlicesCommand command = new SlicesCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(command).execute("--settings", settings.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("slices: Settings file " + settings
                + ": not valid YAML: line 3");

        err.reset();
        Path missing = dir.resolve("nope.yaml");
        command = new SlicesCommand();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(command).execute("--settings", missing.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("slices: Settings file " + missing
                + ": no such file" + System.lineSeparator());
    }
}

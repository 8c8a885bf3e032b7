package io.fleetdeck.app;

import io.fabric8.kubernetes.api.model.Node;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}

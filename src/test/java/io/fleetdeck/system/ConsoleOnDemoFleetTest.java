package io.fleetdeck.system;

import io.fleetdeck.app.ConsoleOptions;
import io.fleetdeck.app.FleetDeckConsole;
import io.fleetdeck.app.nodes.NodeRow;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import io.fabric8.kubernetes.api.model.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole console on the embedded demo fleet: a change through the API shows; an action reaches the API. */
@ExtendWith(ApplicationExtension.class)
class ConsoleOnDemoFleetTest {
    private static DemoCluster demo;
    private static Path stateDir;
    private MainViewModel vm;

    @BeforeAll
    static void startDemo() throws Exception {
        stateDir = Files.createTempDirectory("fleetdeck-state");
        System.setProperty("fleetdeck.state.dir", stateDir.toString());
        DemoOptions d = DemoOptions.defaults();
        demo = DemoCluster.start(new DemoOptions(30, 0, null, d.seed(), true));
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        vm = new FleetDeckConsole(new ConsoleOptions(demo.kubeconfig(), demo.contextName(), false, 30, Theme.DARK))
                .show(stage);
    }

    private TableView<NodeRow> table(FxRobot robot) throws Exception {
        TableView<NodeRow> table = robot.lookup("#nodesTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == demo.nodeCount()
                && "Live".equals(vm.connectionTextProperty().get()));
        return table;
    }

    private static String readySchedulableNode(TableView<NodeRow> table, String notThis) {
        return table.getItems().stream().map(NodeRow::summary)
                .filter(s -> s.state() == NodeState.READY && !s.name().equals(notThis))
                .findFirst().orElseThrow().name();
    }

    @Test
    void aCordonThroughTheApiShowsInTheView(FxRobot robot) throws Exception {
        TableView<NodeRow> table = table(robot);
        String name = readySchedulableNode(table, null);
        demo.client().nodes().withName(name).edit(n -> {
            n.getSpec().setUnschedulable(true);
            return n;
        });
        NodeRow row = vm.nodes().row(name);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.summary().state() == NodeState.CORDONED);
        assertThat(vm.totalsTextProperty().get()).contains(demo.nodeCount() + " nodes");
    }

    @Test
    void aCordonFromTheConsoleReachesTheApiAndIsAudited(FxRobot robot) throws Exception {
        TableView<NodeRow> table = table(robot);
        String name = readySchedulableNode(table, null);
        robot.interact(() -> {
            table.getSelectionModel().select(vm.nodes().row(name));
        });
        robot.clickOn("#cordonButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Node n = demo.client().nodes().withName(name).get();
            return Boolean.TRUE.equals(n.getSpec().getUnschedulable());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(stateDir.resolve("audit.jsonl"))
                && Files.readString(stateDir.resolve("audit.jsonl")).contains("\"target\":\"node/" + name + "\""));
        assertThat(Files.readString(stateDir.resolve("audit.jsonl"))).contains("\"action\":\"cordon\"");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> demo.client().v1().events().inAnyNamespace().list()
                .getItems().stream().anyMatch(e -> name.equals(e.getInvolvedObject().getName())
                        && "FleetDeckCordon".equals(e.getReason())));
        NodeRow row = vm.nodes().row(name);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.summary().state() == NodeState.CORDONED);
    }
}

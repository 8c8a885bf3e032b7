package io.fleetdeck.system;

import io.fleetdeck.app.ConsoleOptions;
import io.fleetdeck.app.FleetDeckConsole;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import io.fabric8.kubernetes.api.model.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-slicing editor on the demo fleet: raising replicas of one config, confirmed as the operator
 * would, changes the device plugin's capacity on those nodes and the Slices view follows.
 */
@ExtendWith(ApplicationExtension.class)
class TimeSlicingOnDemoFleetTest {
    private static DemoCluster demo;
    private static Path stateDir;
    private MainViewModel vm;

    @BeforeAll
    static void startDemo() throws Exception {
        stateDir = Files.createTempDirectory("fleetdeck-state");
        System.setProperty("fleetdeck.state.dir", stateDir.toString());
        demo = DemoCluster.start(DemoOptions.defaults().withNodes(30));
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

    private long fleetCapacity() {
        CapacityRow fleet = vm.slices().fleetProperty().get();
        return fleet == null ? 0 : fleet.capacity();
    }

    @Test
    void raisingReplicasChangesCapacityAndTheSlicesView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Live".equals(vm.connectionTextProperty().get())
                && vm.nodes().rows().size() == demo.nodeCount());
        List<Node> t4Nodes = demo.client().nodes().withLabel("nvidia.com/device-plugin.config", "t4-28").list()
                .getItems().stream().filter(n -> "28".equals(n.getStatus().getAllocatable().get("nvidia.com/gpu")
                        .getAmount())).toList();
        assertThat(t4Nodes).isNotEmpty();
        String probe = t4Nodes.getFirst().getMetadata().getName();
        robot.clickOn("#slicesTab");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fleetCapacity() > 0);
        long before = fleetCapacity();

        robot.clickOn("#timeSlicingTab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.timeSlicing().keys().contains("t4-28"));
        ListView<String> keys = robot.lookup("#configKeys").queryListView();
        robot.interact(() -> keys.getSelectionModel().select("t4-28"));
        TextArea yaml = robot.lookup("#configYaml").queryAs(TextArea.class);
        assertThat(yaml.getText()).contains("replicas: 28");
        robot.interact(() -> yaml.setText(yaml.getText().replace("replicas: 28", "replicas: 30")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.timeSlicing().applyDisabledProperty().get());
        assertThat(vm.timeSlicing().confirmationNeeded()).isTrue();

        robot.clickOn("#applyConfig");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("over-subscribed");
        robot.clickOn(dialog.lookupButton(ButtonType.OK));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "30".equals(demo.client().nodes().withName(probe).get()
                .getStatus().getAllocatable().get("nvidia.com/gpu").getAmount()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> vm.nodes().row(probe).summary().slicesTotal() == 30);
        robot.clickOn("#slicesTab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fleetCapacity() == before + 2L * t4Nodes.size());
        assertThat(Files.readString(stateDir.resolve("audit.jsonl")))
                .contains("\"action\":\"edit-configmap\"")
                .contains("configmap/nvidia-device-plugin/time-slicing-config")
                .contains("t4-28: replicas 28 → 30");
    }
}

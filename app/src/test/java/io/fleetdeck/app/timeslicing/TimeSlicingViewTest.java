package io.fleetdeck.app.timeslicing;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.actions.ConfigMapCommands;
import io.fleetdeck.core.capacity.DensityTargets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static io.fleetdeck.app.timeslicing.DevicePluginFleet.config;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TimeSlicingViewTest {
    private final DevicePluginFleet cluster = new DevicePluginFleet();
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TimeSlicingViewModel vm = new TimeSlicingViewModel(TaskRunner.sameThread(), DensityTargets.defaults(),
                DevicePluginFleet::nodes);
        vm.setCommands(new ConfigMapCommands(cluster, e -> { }, "ops", Clock.systemUTC()));
        TimeSlicingView view = new TimeSlicingView(vm, question -> {
            asked.add(question);
            return true;
        });
        Scene scene = new Scene(view, 1400, 800);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void editingValidatesLiveAndGatesApply(FxRobot robot) {
        Button apply = robot.lookup("#applyConfig").queryButton();
        assertThat(apply.isDisabled()).isTrue();
        robot.clickOn("#loadConfig");
        ListView<String> keys = robot.lookup("#configKeys").queryListView();
        assertThat(keys.getItems()).containsExactly("a10g-31", "t4-28", "t4-40");
        assertThat(robot.lookup("t4-28  (3 nodes)").tryQuery()).isPresent();

        robot.clickOn("t4-28  (3 nodes)");
        TextArea yaml = robot.lookup("#configYaml").queryAs(TextArea.class);
        assertThat(yaml.getText()).isEqualTo(config(28));
        assertThat(apply.isDisabled()).as("nothing edited").isTrue();

        robot.interact(() -> yaml.setText(config(28).replace("  timeSlicing:", "  timeSlicing: [")));
        Label errors = robot.lookup("#configErrors").queryAs(Label.class);
        assertThat(errors.getText()).startsWith("Error: not valid YAML");
        assertThat(apply.isDisabled()).isTrue();

        robot.interact(() -> yaml.setText(config(28)));
        robot.clickOn("#configYaml").push(KeyCode.CONTROL, KeyCode.END).push(KeyCode.BACK_SPACE)
                .push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).write("30\n");
        assertThat(yaml.getText()).isEqualTo(config(30));
        assertThat(errors.getText()).startsWith("Valid");
        assertThat(apply.isDisabled()).isFalse();
        assertThat(robot.lookup("#impactPools").queryTableView().getItems()).hasSize(1);
        TableView<?> nodes = robot.lookup("#impactNodes").queryTableView();
        assertThat(nodes.getItems()).hasSize(3);
        assertThat(robot.lookup("28 → 30").tryQuery()).isPresent();

        robot.push(KeyCode.CONTROL, KeyCode.S);
        assertThat(asked).singleElement().asString().contains("over-subscribed");
        assertThat(cluster.current().data().get("t4-28")).isEqualTo(config(30));
        assertThat(robot.lookup("#configMessage").queryAs(Label.class).getText())
                .isEqualTo("Applied: t4-28: replicas 28 → 30.");
        assertThat(apply.isDisabled()).isTrue();
        assertThat(keys.getSelectionModel().getSelectedItem()).as("still selected after the reload").isEqualTo("t4-28");
    }
}

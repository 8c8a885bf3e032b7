package io.fleetdeck.app.slices;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.nodes.Fleets;
import io.fleetdeck.app.nodes.NodesViewModel;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.settings.SettingsFile;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The density and cost panel: typing a price changes $/session-hour; a bad figure is refused; Ctrl+S saves. */
@ExtendWith(ApplicationExtension.class)
class SlicesViewTest {
    @TempDir
    static Path dir;
    private SlicesViewModel vm;
    private SettingsEditor settings;

    @Start
    void start(Stage stage) {
        NodesViewModel nodes = new NodesViewModel();
        settings = new SettingsEditor(TaskRunner.sameThread(), new SettingsFile(dir.resolve("settings.yaml")));
        settings.load();
        vm = new SlicesViewModel(settings, nodes.rows());
        var delta = Fleets.store(6).takeDelta();
        nodes.apply(delta);
        vm.apply(delta);
        vm.setActive(true);
        Scene scene = new Scene(new SlicesView(vm, name -> { }), 1400, 800);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private TableCell<?, ?> priceCell(FxRobot robot) {
        return robot.lookup("#priceTable .figure-cell").match((TableCell<?, ?> c) -> "g4dn.2xlarge".equals(
                ((SettingsRows.PriceRow) c.getTableRow().getItem()) == null ? null
                        : ((SettingsRows.PriceRow) c.getTableRow().getItem()).instanceType())).query();
    }

    private String fleetSummary(FxRobot robot) {
        return robot.lookup("#fleetSummary").queryAs(Label.class).getText();
    }

    @Test
    void typingAPriceChangesTheCostPerSessionHourAndSaveWritesIt(FxRobot robot) throws Exception {
        robot.clickOn("#densityCostTab");
        assertThat(fleetSummary(robot)).endsWith("$1.504 per session-hour");
        TableView<?> figures = robot.lookup("#costTable").queryTableView();
        assertThat(figures.getItems()).hasSize(1);
        assertThat(priceCell(robot).getText()).isEqualTo("0.752");

        robot.doubleClickOn(priceCell(robot)).eraseText(6).write("1.504").push(KeyCode.ENTER);
        assertThat(priceCell(robot).getText()).isEqualTo("1.504");
        assertThat(fleetSummary(robot)).as("6 nodes × $1.504 over 3 sessions").endsWith("$3.008 per session-hour");
        assertThat(robot.lookup("#settingsMessage").queryAs(Label.class).getText())
                .isEqualTo("g4dn.2xlarge: $1.504 per hour. Not saved yet.");
        Button save = robot.lookup("#saveSettings").queryButton();
        assertThat(save.isDisabled()).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.S);
        assertThat(save.isDisabled()).isTrue();
        assertThat(Files.readString(dir.resolve("settings.yaml"))).contains("g4dn.2xlarge: 1.504");
    }

    @Test
    void aBadFigureIsRefusedAndTheOldOneStays(FxRobot robot) {
        robot.clickOn("#densityCostTab");
        String before = fleetSummary(robot);
        robot.clickOn(priceCell(robot)).push(KeyCode.ENTER);
        robot.eraseText(6).write("cheap").push(KeyCode.ENTER);
        assertThat(priceCell(robot).getText()).isEqualTo(settings.priceRows().stream()
                .filter(r -> r.instanceType().equals("g4dn.2xlarge")).findFirst().orElseThrow().dollarsPerHour()
                .toString());
        assertThat(robot.lookup("#settingsMessage").queryAs(Label.class).getText())
                .startsWith("Not taken: $/h for g4dn.2xlarge must be a number ≥ 0 such as 0.752, not 'cheap'");
        assertThat(fleetSummary(robot)).isEqualTo(before);
    }

    @Test
    void aSessionsTargetBelowTheSlicesMarksTheNodesOverSubscribed(FxRobot robot) {
        robot.clickOn("#densityCostTab");
        TableCell<?, ?> t4 = robot.lookup("#densityTable .figure-cell").match((TableCell<?, ?> c) ->
                c.getTableRow().getItem() instanceof SettingsRows.DensityRow r && r.product().equals("Tesla-T4")).query();
        robot.clickOn(t4).push(KeyCode.ENTER).eraseText(4).write("20").push(KeyCode.TAB);
        assertThat(robot.lookup("#costTable").queryTableView().getItems()).singleElement()
                .satisfies(r -> assertThat(SlicesView.densityText((io.fleetdeck.core.capacity.CapacityRow) r))
                        .isEqualTo("6 over-subscribed"));
    }
}

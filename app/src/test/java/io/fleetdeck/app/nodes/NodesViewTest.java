package io.fleetdeck.app.nodes;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetStore;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class NodesViewTest {
    private final List<String> actions = new ArrayList<>();
    private FleetStore store;
    private NodesViewModel vm;

    @Start
    void start(Stage stage) {
        store = Fleets.store(12);
        vm = new NodesViewModel();
        NodeDetailsViewModel details = new NodeDetailsViewModel(TaskRunner.sameThread());
        details.setSource(new NodeDetailsSource() {
            @Override
            public List<PodInfo> podsOn(String nodeName) {
                return store.podsOn(nodeName);
            }

            @Override
            public List<ClusterEvent> recentEvents(String nodeName) {
                return List.of(new ClusterEvent("Normal", "NodeReady", "Node " + nodeName + " is ready", "Node",
                        nodeName, "kubelet", 1, Instant.now()));
            }

            @Override
            public void setCordoned(String nodeName, boolean cordoned) throws ClusterException {
                actions.add((cordoned ? "cordon " : "uncordon ") + nodeName);
            }
        });
        NodesView view = new NodesView(vm, details);
        vm.apply(store.takeDelta());
        Scene scene = new Scene(view, 1400, 800);
        Theme.DARK.applyTo(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextField)) {
                e.consume();
                view.focusSearch();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsEveryNodeWithItsFigures(FxRobot robot) {
        TableView<NodeRow> table = robot.lookup("#nodesTable").queryTableView();
        assertThat(table.getItems()).hasSize(12);
        assertThat(table.getItems().getFirst().name()).isEqualTo("gpu-000");
        assertThat(robot.lookup("#nodeCount").queryAs(Label.class).getText()).isEqualTo("12 nodes shown");
        assertThat(robot.lookup("2/28").tryQuery()).isPresent();
        assertThat(robot.lookup("Cordoned").tryQuery()).isPresent();
    }

    @Test
    void slashFocusesSearchAndFilters(FxRobot robot) {
        robot.clickOn("#nodesTable");
        robot.type(KeyCode.SLASH);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("cordoned");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<NodeRow> table = robot.lookup("#nodesTable").queryTableView();
        assertThat(table.getItems()).extracting(NodeRow::name).containsExactly("gpu-002");
        robot.type(KeyCode.ESCAPE);
        assertThat(table.getItems()).hasSize(12);
    }

    @Test
    void selectingANodeShowsItsSessionsAndCordonIsOneClick(FxRobot robot) {
        TableView<NodeRow> table = robot.lookup("#nodesTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#detailsTitle").queryAs(Label.class).getText()).isEqualTo("gpu-000");
        TableView<PodInfo> pods = robot.lookup("#nodePods").queryTableView();
        assertThat(pods.getItems()).extracting(PodInfo::name).containsExactly("enc-a", "enc-b");
        javafx.scene.control.ListView<ClusterEvent> events = robot.lookup("#nodeEvents").queryListView();
        assertThat(events.getItems()).extracting(ClusterEvent::message).containsExactly("Node gpu-000 is ready");

        robot.clickOn("#cordonButton");
        assertThat(actions).containsExactly("cordon gpu-000");
        assertThat(robot.lookup("#detailsMessage").queryAs(Label.class).getText()).contains("gpu-000 cordoned");
    }

    @Test
    void tilesShowTheSameNodes(FxRobot robot) {
        robot.clickOn("#showTiles");
        assertThat(robot.lookup("#nodeTiles").query().isVisible()).isTrue();
        assertThat(robot.lookup("#nodesTable").query().isVisible()).isFalse();
        robot.clickOn("#showTable");
        assertThat(robot.lookup("#nodesTable").query().isVisible()).isTrue();
        assertThat(robot.lookup("#cordonButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}

package io.fleetdeck.system;

import io.fleetdeck.app.ConsoleOptions;
import io.fleetdeck.app.FleetDeckConsole;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.streams.StreamTile;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.media.JavaCvEncodeEngine;
import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.IntBuffer;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real streams from the local engine on the demo fleet reach the wall as decoded pictures. */
@ExtendWith(ApplicationExtension.class)
class StreamsWallOnDemoFleetTest {
    private static DemoCluster demo;
    private MainViewModel vm;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoCluster.start(DemoOptions.defaults().withNodes(12));
        assertThat(demo.startStreams(new JavaCvEncodeEngine(), 2)).isEqualTo(2);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        vm = new FleetDeckConsole(new ConsoleOptions(demo.kubeconfig(), demo.contextName(), false, 12, Theme.DARK))
                .show(stage);
    }

    @Test
    void theWallDecodesTheDemoStreamsAndStopsWhenHidden(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.streams().shownTiles().size() == 2);
        robot.clickOn("#streamsTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.streams().shownTiles().stream()
                .allMatch(t -> t.statusProperty().get().state() == PreviewState.PLAYING));
        StreamTile tile = vm.streams().shownTiles().getFirst();
        assertThat(tile.isDecoding()).isTrue();
        assertThat(tile.statusProperty().get().sourceWidth()).isEqualTo(320);
        IntBuffer px = tile.pixels();
        long colours = IntStream.range(0, px.capacity()).map(px::get).distinct().count();
        assertThat(colours).as("decoded test pattern, not an empty tile").isGreaterThan(10);

        // Enter on a tile: the full decode takes the UDP port over from the tile and says which decoder runs
        // (this machine has no NVIDIA GPU: software, without trying NVDEC).
        robot.interact(() -> robot.lookup("#streamWall").queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable().getFirst().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        javafx.scene.control.Label stats = robot.lookup("#streamStats").queryAs(javafx.scene.control.Label.class);
        // Playing, with a bit rate measured over its first second of input.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stats.getText().contains("State: Playing")
                && stats.getText().matches("(?s).*Source: h264 320x180 · \\d+ kb/s.*"));
        assertThat(stats.getText()).contains("Decoder: h264 (software)");
        robot.clickOn("#closeStreamDetail");

        robot.clickOn("#nodesTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.streams().shownTiles()).noneMatch(StreamTile::isDecoding);
    }
}

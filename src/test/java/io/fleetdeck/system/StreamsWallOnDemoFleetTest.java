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

        robot.clickOn("#nodesTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.streams().shownTiles()).noneMatch(StreamTile::isDecoding);
    }
}

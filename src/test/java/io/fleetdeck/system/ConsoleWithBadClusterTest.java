package io.fleetdeck.system;

import io.fleetdeck.app.ConsoleOptions;
import io.fleetdeck.app.FleetDeckConsole;
import io.fleetdeck.app.shell.MainViewModel;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.cluster.ConnectionState;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An unreachable API server is explained in the window; the console stays usable. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWithBadClusterTest {
    @TempDir
    static Path dir;
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path kubeconfig = dir.resolve("config");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: gone
                      cluster:
                        server: https://127.0.0.1:%d
                        insecure-skip-tls-verify: true
                    users:
                    - name: ops
                      user:
                        token: abc
                    contexts:
                    - name: gone-cluster
                      context:
                        cluster: gone
                        user: ops
                    current-context: gone-cluster
                    """.formatted(closedPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vm = new FleetDeckConsole(new ConsoleOptions(kubeconfig, null, false, 10, Theme.DARK)).show(stage);
    }

    @Test
    void theErrorIsShownAndTheDemoIsOneClickAway(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.stateProperty().get() == ConnectionState.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#errorText").queryAs(Label.class).getText())
                .contains("gone-cluster").contains("Cannot reach");
        robot.clickOn("#useDemo");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.nodes().rows().size() == 10);
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();
    }
}

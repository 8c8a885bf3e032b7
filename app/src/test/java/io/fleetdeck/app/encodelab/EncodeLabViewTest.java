package io.fleetdeck.app.encodelab;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.media.JavaCvEncodeEngine;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab screen's exporter controls, headless. */
@ExtendWith(ApplicationExtension.class)
class EncodeLabViewTest {
    private EncodeLabViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new EncodeLabViewModel(TaskRunner.sameThread(), Runnable::run, new JavaCvEncodeEngine(),
                LocalGpuProbe.unavailable("no NVIDIA driver"));
        Scene scene = new Scene(new EncodeLabView(vm), 1400, 900);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(vm::stopAll);
    }

    @Test
    void theExporterIsTurnedOnAndOffFromTheScreen(FxRobot robot) throws Exception {
        Button toggle = robot.lookup("#toggleMetrics").queryButton();
        Label status = robot.lookup("#metricsStatus").queryAs(Label.class);
        TextField address = robot.lookup("#metricsAddress").queryAs(TextField.class);
        assertThat(toggle.getText()).isEqualTo("Export metrics");
        assertThat(status.getText()).isEqualTo("Not exported");
        assertThat(address.getText()).isEqualTo("127.0.0.1");

        @SuppressWarnings("unchecked")
        Spinner<Integer> port = robot.lookup("#metricsPort").queryAs(Spinner.class);
        assertThat(port.getValue()).isEqualTo(9464);
        robot.interact(() -> port.getValueFactory().setValue(0));
        robot.clickOn(toggle);

        assertThat(toggle.getText()).isEqualTo("Stop exporting");
        assertThat(address.isDisabled()).isTrue();
        assertThat(status.getText()).startsWith("Prometheus can scrape http://127.0.0.1:");
        URI url = URI.create(status.getText().substring(status.getText().indexOf("http")));
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);

        robot.clickOn(toggle);
        assertThat(toggle.getText()).isEqualTo("Export metrics");
        assertThat(status.getText()).isEqualTo("Not exported");
        assertThat(address.isDisabled()).isFalse();
    }
}

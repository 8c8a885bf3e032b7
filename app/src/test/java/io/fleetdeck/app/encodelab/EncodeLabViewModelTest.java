package io.fleetdeck.app.encodelab;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.media.JavaCvEncodeEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lab on this machine's real engine (no GPU here: the ladder explains and settles on libx264). */
class EncodeLabViewModelTest {
    private final EncodeLabViewModel vm = new EncodeLabViewModel(TaskRunner.sameThread(), Runnable::run,
            new JavaCvEncodeEngine(), LocalGpuProbe.unavailable("libnvidia-ml.so.1 not found: no NVIDIA driver"));

    @AfterEach
    void stop() {
        vm.stopAll();
    }

    @Test
    void theLadderAndTheHardwareAreExplained() {
        vm.profileProperty().set(EncodeProfile.P360);
        vm.load();
        assertThat(vm.hardwareProperty().get()).isEqualTo(
                "No local NVIDIA GPU: libnvidia-ml.so.1 not found: no NVIDIA driver");
        assertThat(vm.ladder()).anyMatch(l -> l.startsWith("✗ h264_nvenc: "));
        assertThat(vm.ladder().getLast()).startsWith("✓ ");
    }

    @Test
    void aTestStreamRunsWithLiveStatisticsAndStops(@TempDir Path dir) throws Exception {
        vm.profileProperty().set(EncodeProfile.P360);
        Path file = dir.resolve("lab.ts");
        vm.outputProperty().set("file:" + file);
        vm.start();
        assertThat(vm.sessions()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("lab-1"));
        assertThat(vm.nameProperty().get()).isEqualTo("lab-2");
        Thread.sleep(2200);
        vm.tick();
        LabSession s = vm.sessions().getFirst();
        assertThat(s.statsProperty().get().frames()).isGreaterThan(20);
        assertThat(s.statsProperty().get().fps()).isBetween(20.0, 30.0);
        vm.stop(s);
        assertThat(vm.sessions()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Stopped lab-1");
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void theExporterServesTheLabsStreamsUntilTurnedOff(@TempDir Path dir) throws Exception {
        LabExporter exporter = vm.exporter();
        exporter.portProperty().set(0);
        exporter.toggle();
        assertThat(exporter.servingProperty().get()).isTrue();
        String status = exporter.statusProperty().get();
        assertThat(status).startsWith("Prometheus can scrape http://127.0.0.1:");
        var url = URI.create(status.substring(status.indexOf("http")));

        vm.profileProperty().set(EncodeProfile.P360);
        vm.outputProperty().set("file:" + dir.resolve("lab.ts"));
        vm.start();
        Thread.sleep(600);
        assertThat(scrape(url)).contains("stream=\"lab-1\"");
        vm.stop(vm.sessions().getFirst());
        assertThat(scrape(url)).doesNotContain("stream=\"lab-1\"");

        exporter.toggle();
        assertThat(exporter.servingProperty().get()).isFalse();
        assertThat(exporter.statusProperty().get()).isEqualTo("Not exported");
        assertThatThrownBy(() -> scrape(url)).isInstanceOf(IOException.class);
    }

    @Test
    void anExporterAddressThatCannotBeUsedIsExplained() {
        LabExporter exporter = vm.exporter();
        exporter.addressProperty().set("no-such-host.invalid");
        exporter.toggle();
        assertThat(exporter.servingProperty().get()).isFalse();
        assertThat(exporter.statusProperty().get()).isEqualTo(
                "Not exported: metrics address 'no-such-host.invalid' is not a known host or IP address");
    }

    private static String scrape(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void badOutputIsExplainedAndNothingStarts() {
        vm.outputProperty().set("gopher://nowhere");
        vm.start();
        assertThat(vm.sessions()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Cannot start: unsupported output");
    }

    @Test
    void theDensityProbeReportsEachStep() {
        vm.profileProperty().set(EncodeProfile.P360);
        vm.probeMaxProperty().set(1);
        vm.runProbe();
        assertThat(vm.probeSteps()).singleElement().satisfies(step -> assertThat(step.held()).isTrue());
        assertThat(vm.probeResultProperty().get()).contains("1 concurrent real-time sessions hold 25 fps");
        assertThat(vm.probingProperty().get()).isFalse();
    }
}

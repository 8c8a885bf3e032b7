package io.fleetdeck.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        EncodeCommand command = new EncodeCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    @Test
    void encodesAFileAndPrintsTheLadderAndASummary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.ts");
        int code = run("--profile", "360p25", "--output", "file:" + file, "--duration", "1s", "--name", "cli test");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("using libx264 (software)").contains("done: 25 frames (0 dropped)");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy(@TempDir Path dir) {
        String ts = dir.resolve("x.ts").toString();
        assertThat(run("--profile", "999p", "--output", ts, "--duration", "1s")).isEqualTo(2);
        assertThat(run("--size", "100000x100000", "--output", ts, "--duration", "1s")).isEqualTo(2);
        assertThat(run("--encoder", "mpeg2video", "--output", ts, "--duration", "1s")).isEqualTo(2);
        assertThat(run("--output", "gopher://x:70", "--duration", "1s")).isEqualTo(2);
        assertThat(run("--output", ts, "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown profile '999p'")
                .contains("100000x100000 is not encodable")
                .contains("unsupported encoder 'mpeg2video'")
                .contains("unsupported output 'gopher://x:70'")
                .contains("duration 'soon'");
    }

    @Test
    void unwritableOutputExitsWithOne(@TempDir Path dir) {
        assertThat(run("--output", dir.resolve("missing/x.ts").toString(), "--duration", "1s")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
    }

    @Test
    void servesItsStatisticsForPrometheusWhileEncoding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.ts");
        Thread encode = Thread.ofVirtual().start(() -> run("--profile", "360p25", "--output", file.toString(),
                "--duration", "3s", "--realtime", "--name", "metrics-cli", "--metrics-port", "0"));
        Pattern announced =
                Pattern.compile("metrics for Prometheus: (http://127\\.0\\.0\\.1:\\d+/metrics)");
        Matcher url = announced.matcher("");
        for (int i = 0; i < 100 && !url.hasMatch(); i++) {
            Thread.sleep(50);
            url = announced.matcher(out.toString(StandardCharsets.UTF_8));
            url.find();
        }
        assertThat(url.hasMatch()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        URI metrics = URI.create(url.group(1));
        Thread.sleep(1200);
        var http = HttpClient.newHttpClient();
        String text = http.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(text).containsPattern("fleetdeck_encode_frames_total\\{encoder=\"libx264\",profile=\"360p25\",stream=\"metrics-cli\"} [1-9]");
        encode.join(10_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("done: \\d+ frames");
        // The endpoint closes with the encode.
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void aMetricsPortInUseIsRefusedBeforeEncoding(@TempDir Path dir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("--output", dir.resolve("x.ts").toString(), "--duration", "1s",
                    "--metrics-port", String.valueOf(taken.getLocalPort()))).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the port is in use");
        assertThat(dir.resolve("x.ts")).doesNotExist();
    }

    @Test
    void durationsAndRates() {
        assertThat(EncodeCommand.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(EncodeCommand.parseDuration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(EncodeCommand.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(EncodeCommand.parseRate("2500k")).isEqualTo(2_500_000);
        assertThat(EncodeCommand.parseRate("5M")).isEqualTo(5_000_000);
        assertThatThrownBy(() -> EncodeCommand.parseRate("fast")).hasMessageContaining("bitrate 'fast'");
    }
}

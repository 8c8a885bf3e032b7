package io.fleetdeck.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    void durationsAndRates() {
        assertThat(EncodeCommand.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(EncodeCommand.parseDuration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(EncodeCommand.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(EncodeCommand.parseRate("2500k")).isEqualTo(2_500_000);
        assertThat(EncodeCommand.parseRate("5M")).isEqualTo(5_000_000);
        assertThatThrownBy(() -> EncodeCommand.parseRate("fast")).hasMessageContaining("bitrate 'fast'");
    }
}

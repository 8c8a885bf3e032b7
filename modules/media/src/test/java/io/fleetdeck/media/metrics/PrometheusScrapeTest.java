package io.fleetdeck.media.metrics;

import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.media.JavaCvEncodeEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's real Prometheus server scrapes the exporter of a real encode session; what its HTTP API answers is what
 * an operator's Grafana would show. Skipped where no {@code prometheus} is on the PATH (CI installs it).
 */
class PrometheusScrapeTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SCALAR = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

    @Test
    void prometheusScrapesTheSessionAndAgreesOnItsFrameRate(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("prometheus"), "prometheus is not installed (apt install prometheus)");
        EncodeMetrics metrics = new EncodeMetrics();
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, 0, metrics);
             EncodeSession session = new JavaCvEncodeEngine().start(EncodeRequest.of(EncodeProfile.P360,
                     OutputTarget.parse(dir.resolve("s.ts").toString()), null).realtime(true).named("prom-check"))) {
            metrics.attach(session);
            int webPort = freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: fleetdeck-encode
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(endpoint.port()));
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + webPort,
                    "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                URI api = URI.create("http://127.0.0.1:" + webPort);
                String up = awaitValue(api, "up{job=\"fleetdeck-encode\"}", prometheus, dir);
                assertThat(up).isEqualTo("1");
                String frames = awaitValue(api, "fleetdeck_encode_frames_total{stream=\"prom-check\",encoder=\"libx264\"}",
                        prometheus, dir);
                assertThat(Double.parseDouble(frames)).isPositive();
                // rate() extrapolates little at a series' start: wait for six scrapes (a window of 5 s fully
                // covered), then paced 360p25 must come out near 25 frames/s.
                awaitValue(api, "count_over_time(fleetdeck_encode_frames_total{stream=\"prom-check\"}[6s]) >= 6",
                        prometheus, dir);
                double rate = Double.parseDouble(awaitValue(api,
                        "rate(fleetdeck_encode_frames_total{stream=\"prom-check\"}[5s])", prometheus, dir));
                assertThat(rate).isBetween(15.0, 35.0);
                assertThat(awaitValue(api, "fleetdeck_encode_session_info{stream=\"prom-check\",profile=\"360p25\"}",
                        prometheus, dir)).isEqualTo("1");
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /** Polls an instant query until it has a sample (Prometheus needs a scrape or two first). */
    private static String awaitValue(URI api, String query, Process prometheus, Path dir) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            assertThat(prometheus.isAlive()).as(() -> log(dir)).isTrue();
            try {
                last = get(api.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
                Matcher m = SCALAR.matcher(last);
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no sample for " + query + " within 30 s; last answer: " + last + "\n" + log(dir));
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no prometheus log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean onPath(String exe) {
        List<String> dirs = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return dirs.stream().anyMatch(d -> new File(d, exe).canExecute());
    }
}

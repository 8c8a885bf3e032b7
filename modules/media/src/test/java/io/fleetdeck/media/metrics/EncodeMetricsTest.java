package io.fleetdeck.media.metrics;

import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.media.JavaCvEncodeEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exporter over real HTTP, on sessions of the real engine. */
class EncodeMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final JavaCvEncodeEngine engine = new JavaCvEncodeEngine();

    @Test
    void aScrapeShowsEachSessionsCountersRatesAndWhereItSends(@TempDir Path dir) throws Exception {
        EncodeMetrics metrics = new EncodeMetrics();
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, 0, metrics);
             EncodeSession a = engine.start(request("studio-a", dir.resolve("a.ts")));
             EncodeSession twin = engine.start(request("studio-a", dir.resolve("b.ts")))) {
            metrics.attach(a);
            metrics.attach(twin);
            metrics.attach(a);
            Thread.sleep(1500);

            String text = scrape(endpoint.url());
            String labels = "encoder=\"libx264\",profile=\"360p25\",stream=\"studio-a\"";
            assertThat(text).contains("# TYPE fleetdeck_encode_frames_total counter")
                    .contains("# TYPE fleetdeck_encode_output_bytes_total counter")
                    .contains("# TYPE fleetdeck_encode_latency_seconds gauge")
                    .contains("fleetdeck_encode_target_frames_per_second{" + labels + "} 25.0")
                    .contains("fleetdeck_encode_running{" + labels + "} 1.0")
                    .contains("stream=\"studio-a#2\"")
                    .contains("output=\"" + dir.resolve("a.ts"));
            assertThat(value(text, "fleetdeck_encode_frames_total{" + labels + "}")).isGreaterThan(20);
            assertThat(value(text, "fleetdeck_encode_output_bytes_total{" + labels + "}")).isGreaterThan(10_000);
            assertThat(value(text, "fleetdeck_encode_frames_per_second{" + labels + "}")).isBetween(15.0, 35.0);
            assertThat(value(text, "fleetdeck_encode_latency_seconds{" + labels + "}")).isBetween(0.0, 0.2);
            assertThat(value(text, "fleetdeck_encode_bitrate_bits_per_second{" + labels + "}")).isPositive();

            twin.stop();
            assertThat(scrape(endpoint.url()))
                    .contains("fleetdeck_encode_running{encoder=\"libx264\",profile=\"360p25\",stream=\"studio-a#2\"} 0.0");
            metrics.detach(twin);
            assertThat(scrape(endpoint.url())).doesNotContain("studio-a#2");
            assertThat(metrics.size()).isEqualTo(1);
        }
    }

    @Test
    void anEmptyExporterStillAnswersAndReportsHealthy() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, 0, new EncodeMetrics())) {
            assertThat(endpoint.url().toString()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            assertThat(scrape(endpoint.url())).doesNotContain("stream=");
            assertThat(scrape(endpoint.url().resolve("/-/healthy"))).contains("Exporter is healthy");
        }
    }

    @Test
    void anAddressThatCannotBeUsedIsExplained() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, taken.getLocalPort(), new EncodeMetrics()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port is in use");
        }
        assertThatThrownBy(() -> MetricsEndpoint.start("no-such-host.invalid", 0))
                .hasMessageContaining("not a known host");
        assertThatThrownBy(() -> MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, 70_000))
                .hasMessageContaining("not between 0 and 65535");
    }

    private static EncodeRequest request(String name, Path file) {
        return EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse(file.toString()), null).realtime(true)
                .withEncoder("libx264").named(name);
    }

    static String scrape(URI url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url.toString()).isEqualTo(200);
        return r.body();
    }

    static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(m.find()).as(series + " in\n" + exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }
}

package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fleetdeck.sim.store.ResourceCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * 5,000 nodes and ~50,000 sessions: prints timings, asserts completeness only. The real
 * {@code kubectl get pods -A -o json} takes about a minute on 2 cores (kubectl's own JSON work), so it
 * runs only with {@code -Dfleetdeck.sim.scale.kubectl=true}.
 */
class ScaleCheckTest {

    @Test
    void fiveThousandNodesAndFiftyThousandSessions() throws Exception {
        long t0 = System.nanoTime();
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().withNodes(5000), 0.4)) {
            long started = System.nanoTime();
            int sessions = (int) cluster.store().all(ResourceCatalog.PODS, "streaming").stream().count();
            System.out.printf("scale: started 5000 nodes, %d pods (%d sessions) in %d ms%n", cluster.podCount(), sessions,
                    ms(t0, started));
            assertThat(cluster.nodeCount()).isEqualTo(5000);
            assertThat(sessions).isGreaterThan(45_000);

            // What kubectl get pods -A -o json asks for: pages of 500 across all namespaces.
            long listStart = System.nanoTime();
            int listed = 0;
            String token = null;
            do {
                PodList page = cluster.client().pods().inAnyNamespace()
                        .list(new ListOptionsBuilder().withLimit(500L).withContinue(token).build());
                listed += page.getItems().size();
                token = page.getMetadata().getContinue();
            } while (token != null && !token.isEmpty());
            System.out.printf("scale: fabric8 paged list of %d pods in %d ms%n", listed, ms(listStart, System.nanoTime()));
            assertThat(listed).isEqualTo(cluster.podCount());

            long rawStart = System.nanoTime();
            HttpResponse<byte[]> all = insecureHttp().send(HttpRequest.newBuilder(
                    URI.create(cluster.apiServerUrl() + "/api/v1/pods")).build(), HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf("scale: GET /api/v1/pods (one list, %d MB) in %d ms%n", all.body().length >> 20,
                    ms(rawStart, System.nanoTime()));
            assertThat(all.statusCode()).isEqualTo(200);

            if (Boolean.getBoolean("fleetdeck.sim.scale.kubectl") && KubectlTest.onPath("kubectl")) {
                Path out = Files.createTempFile("pods", ".json");
                long k0 = System.nanoTime();
                Process p = new ProcessBuilder("kubectl", "--kubeconfig", cluster.kubeconfig().toString(), "get", "pods", "-A",
                        "-o", "json").redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
                System.out.printf("scale: kubectl get pods -A -o json (%d MB) in %d ms, exit %d%n", Files.size(out) >> 20,
                        ms(k0, System.nanoTime()), p.exitValue());
                assertThat(p.exitValue()).isZero();
                assertThat(Files.readString(out).split("\"kind\": \"Pod\"", -1)).hasSize(cluster.podCount() + 1);
                Files.delete(out);
            }
        }
    }

    private static long ms(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    /** The demo server's certificate is self-signed, as the kubeconfig's insecure-skip-tls-verify says. */
    private static HttpClient insecureHttp() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}

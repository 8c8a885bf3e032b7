package io.fleetdeck.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fleetdeck.core.cluster.ClusterTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/** Mock API servers and kubeconfig files that point at them, as the console would get them. */
final class MockClusters {
    private MockClusters() {
    }

    static KubernetesMockServer crudServer() {
        var responses = new HashMap<io.fabric8.mockwebserver.ServerRequest,
                java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        return server;
    }

    static KubernetesMockServer expectationServer() {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init();
        return server;
    }

    /** Two contexts: {@code mock-ctx} (current, user alice) and {@code other} (user bob). */
    static Path kubeconfig(Path dir, String serverUrl) throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock-ctx
                  context:
                    cluster: mock
                    user: alice
                    namespace: encoders
                - name: other
                  context:
                    cluster: mock
                    user: bob
                current-context: mock-ctx
                users:
                - name: alice
                  user:
                    token: alice-token
                - name: bob
                  user:
                    token: bob-token
                """.formatted(serverUrl);
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, yaml);
        return file;
    }

    static ClusterTarget target(Path kubeconfig, String context) {
        return new ClusterTarget(kubeconfig, context, false);
    }

    static String url(KubernetesMockServer server) {
        String u = server.url("/");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

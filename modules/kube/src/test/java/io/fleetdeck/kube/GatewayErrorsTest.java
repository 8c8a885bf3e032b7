package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterException.Kind;
import io.fleetdeck.core.cluster.KubeContext;
import io.fleetdeck.core.model.AcceleratorPatterns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an operator is told when a cluster cannot be used. */
class GatewayErrorsTest {
    @TempDir
    Path dir;

    private ClusterException startAgainst(String url, String context) throws Exception {
        Path kubeconfig = MockClusters.kubeconfig(dir, url);
        try (Fabric8ClusterGateway gateway = Fabric8ClusterGateway.open(MockClusters.target(kubeconfig, context),
                AcceleratorPatterns.defaults())) {
            return assertThrows(ClusterException.class, () -> gateway.start(new RecordingSink()));
        }
    }

    @Test
    void closedPortIsUnreachableQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        ClusterException e = startAgainst("https://127.0.0.1:" + port, null);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("Cannot reach the API server https://127.0.0.1:" + port
                + ": connection refused");
    }

    @Test
    void unknownHostIsUnreachable() throws Exception {
        ClusterException e = startAgainst("https://no-such-host.invalid:6443", null);
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("Cannot reach the API server https://no-such-host.invalid:6443: unknown host");
    }

    @Test
    void rejectedCredentialsAreUnauthorized() throws Exception {
        KubernetesMockServer server = MockClusters.expectationServer();
        try {
            server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401)
                    .withMessage("Unauthorized").build()).always();
            server.expect().get().withPath("/api/v1/nodes?limit=1").andReturn(401, new StatusBuilder()
                    .withCode(401).withMessage("Unauthorized").build()).always();
            ClusterException e = startAgainst(MockClusters.url(server), "other");
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).isEqualTo("The API server rejected the credentials of user bob in context other (401)");
        } finally {
            server.destroy();
        }
    }

    @Test
    void forbiddenNodeListIsForbidden() throws Exception {
        KubernetesMockServer server = MockClusters.expectationServer();
        try {
            String reason = "nodes is forbidden: User \"alice\" cannot list resource \"nodes\" in API group \"\""
                    + " at the cluster scope";
            server.expect().get().withPath("/api/v1/nodes?limit=1").andReturn(403, new StatusBuilder().withCode(403)
                    .withReason("Forbidden").withMessage(reason).build()).always();
            ClusterException e = startAgainst(MockClusters.url(server), "mock-ctx");
            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(e.getMessage()).isEqualTo("User alice may not list nodes (403): " + reason);
        } finally {
            server.destroy();
        }
    }

    @Test
    void malformedKubeconfigIsBadConfig() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Config\ncontexts: [ {name: a\n  users: :\n");
        ClusterException e = assertThrows(ClusterException.class, () -> Kubeconfigs.contexts(file));
        assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIG);
        assertThat(e.getMessage()).startsWith("Kubeconfig " + file + " is not valid YAML/JSON: ");
        assertThat(e.getMessage().length()).isGreaterThan(("Kubeconfig " + file + " is not valid YAML/JSON: ").length());
    }

    @Test
    void missingKubeconfigIsBadConfig() {
        Path missing = dir.resolve("nope");
        ClusterException e = assertThrows(ClusterException.class, () -> Fabric8ClusterGateway.open(
                MockClusters.target(missing, null), AcceleratorPatterns.defaults()));
        assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIG);
        assertThat(e.getMessage()).isEqualTo("No kubeconfig at " + missing);
    }

    @Test
    void unknownContextIsBadConfig() throws Exception {
        Path kubeconfig = MockClusters.kubeconfig(dir, "https://127.0.0.1:6443");
        ClusterException e = assertThrows(ClusterException.class, () -> Fabric8ClusterGateway.open(
                MockClusters.target(kubeconfig, "prod"), AcceleratorPatterns.defaults()));
        assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIG);
        assertThat(e.getMessage()).isEqualTo("Context prod is not in " + kubeconfig + " (it has: mock-ctx, other)");
    }

    @Test
    void contextsAreListedWithTheCurrentOneFlagged() throws Exception {
        Path kubeconfig = MockClusters.kubeconfig(dir, "https://127.0.0.1:6443");
        assertThat(Kubeconfigs.contexts(kubeconfig)).containsExactly(
                new KubeContext("mock-ctx", "mock", "alice", "encoders", true),
                new KubeContext("other", "mock", "bob", null, false));
    }

    @Test
    void defaultPathFollowsKubectl() {
        String sep = java.io.File.pathSeparator;
        assertThat(Kubeconfigs.defaultPath("/a/one" + sep + "/b/two", "/home/op")).isEqualTo(Path.of("/a/one"));
        assertThat(Kubeconfigs.defaultPath(null, "/home/op")).isEqualTo(Path.of("/home/op/.kube/config"));
        assertThat(Kubeconfigs.defaultPath("", "/home/op")).isEqualTo(Path.of("/home/op/.kube/config"));
    }
}

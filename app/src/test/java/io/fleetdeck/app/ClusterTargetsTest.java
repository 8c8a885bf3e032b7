package io.fleetdeck.app;

import io.fleetdeck.app.shell.TargetList;
import io.fleetdeck.app.theme.Theme;
import io.fleetdeck.core.cluster.ClusterTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTargetsTest {
    private final FleetDeckConsole console = new FleetDeckConsole(new ConsoleOptions(null, null, false, 10, Theme.DARK));

    @Test
    void theDemoFleetIsAlwaysOfferedFirst(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://10.1.2.3:6443"}}]
                users: [{name: u, user: {token: t}}]
                contexts:
                - {name: prod-eu, context: {cluster: c, user: u}}
                - {name: staging, context: {cluster: c, user: u}}
                current-context: staging
                """);
        TargetList list = console.listTargets(kubeconfig);
        assertThat(list.targets()).extracting(ClusterTarget::displayName)
                .containsExactly("Embedded demo fleet", "prod-eu", "staging");
        assertThat(list.currentContext()).isEqualTo("staging");
        assertThat(list.problem()).isEmpty();
    }

    @Test
    void aMalformedKubeconfigIsReportedAndTheDemoStaysAvailable(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, "apiVersion: v1\nclusters: [ {name: c\n  : :\n");
        TargetList list = console.listTargets(kubeconfig);
        assertThat(list.targets()).extracting(ClusterTarget::demo).containsExactly(true);
        assertThat(list.problem()).contains(kubeconfig.toString());
    }

    @Test
    void noKubeconfigMeansJustTheDemo(@TempDir Path dir) {
        TargetList list = console.listTargets(dir.resolve("absent"));
        assertThat(list.targets()).hasSize(1);
        assertThat(list.problem()).isEmpty();
    }
}

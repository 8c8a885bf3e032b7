package io.fleetdeck.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the kubeconfig that points kubectl (and FleetDeck) at the demo API server. */
final class Kubeconfig {
    private Kubeconfig() {
    }

    static void write(Path file, String context, String serverUrl, String token) throws IOException {
        String yaml = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: %1$s
              cluster:
                server: %2$s
                insecure-skip-tls-verify: true
            users:
            - name: %1$s-admin
              user:
                token: %3$s
            contexts:
            - name: %1$s
              context:
                cluster: %1$s
                user: %1$s-admin
                namespace: streaming
            current-context: %1$s
            preferences: {}
            """.formatted(context, serverUrl, token);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, yaml);
    }
}

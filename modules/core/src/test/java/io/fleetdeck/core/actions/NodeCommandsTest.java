package io.fleetdeck.core.actions;

import io.fleetdeck.core.audit.AuditEntry;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConfigMapData;
import io.fleetdeck.core.cluster.ObjectRef;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.store.FleetSink;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeCommandsTest {
    private final List<AuditEntry> audit = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void successIsAuditedAndPublishedAsAnEvent() throws Exception {
        RecordingGateway gw = new RecordingGateway(null);
        new NodeCommands(gw, audit::add, "ops", clock).setCordoned("g1", true);
        assertThat(gw.calls).containsExactly("cordon g1", "event g1 FleetDeckCordon");
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("cordon");
            assertThat(e.target()).isEqualTo("node/g1");
            assertThat(e.outcome()).isEqualTo(AuditEntry.OK);
            assertThat(e.context()).isEqualTo("prod");
        });
    }

    @Test
    void failureIsAuditedAndRethrown() {
        RecordingGateway gw = new RecordingGateway(new ClusterException(ClusterException.Kind.FORBIDDEN, "no"));
        assertThatThrownBy(() -> new NodeCommands(gw, audit::add, "ops", clock).setCordoned("g1", false))
                .isInstanceOf(ClusterException.class);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("uncordon");
            assertThat(e.outcome()).isEqualTo(AuditEntry.FAILED);
            assertThat(e.detail()).isEqualTo("no");
        });
        assertThat(gw.calls).containsExactly("uncordon g1");
    }

    @Test
    void aConfigMapEditIsAuditedWithWhatChanged() throws Exception {
        RecordingGateway gw = new RecordingGateway(null);
        ConfigMapCommands commands = new ConfigMapCommands(gw, audit::add, "ops", clock);
        ConfigMapData read = commands.read("nvidia-device-plugin", "time-slicing-config");
        ConfigMapData written = commands.apply(read.withData(Map.of("t4", "version: v1\n")), "t4: replicas 28 → 30");
        assertThat(written.resourceVersion()).isEqualTo("8");
        assertThat(gw.calls).containsExactly("read nvidia-device-plugin/time-slicing-config",
                "replace nvidia-device-plugin/time-slicing-config@7", "event time-slicing-config FleetDeckConfigEdit");
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("edit-configmap");
            assertThat(e.target()).isEqualTo("configmap/nvidia-device-plugin/time-slicing-config");
            assertThat(e.detail()).isEqualTo("t4: replicas 28 → 30");
        });
    }

    @Test
    void aConflictingConfigMapEditIsAuditedAsFailed() {
        RecordingGateway gw = new RecordingGateway(new ClusterException(ClusterException.Kind.CONFLICT, "changed"));
        ConfigMapCommands commands = new ConfigMapCommands(gw, audit::add, "ops", clock);
        ConfigMapData stale = new ConfigMapData("ns", "cm", Map.of(), "3");
        assertThatThrownBy(() -> commands.apply(stale, "x")).isInstanceOf(ClusterException.class);
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.FAILED));
    }

    /** Records calls; fails the mutation when given an exception. */
    private static final class RecordingGateway implements ClusterGateway {
        final List<String> calls = new ArrayList<>();
        final ClusterException failure;

        RecordingGateway(ClusterException failure) {
            this.failure = failure;
        }

        @Override
        public ClusterTarget target() {
            return new ClusterTarget(Path.of("kubeconfig"), "prod", false);
        }

        @Override
        public String serverUrl() {
            return "https://127.0.0.1:6443";
        }

        @Override
        public void start(FleetSink sink) {
        }

        @Override
        public void setCordoned(String nodeName, boolean cordoned) throws ClusterException {
            calls.add((cordoned ? "cordon " : "uncordon ") + nodeName);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public List<ClusterEvent> recentEvents(String nodeName) {
            return List.of();
        }

        @Override
        public void recordAction(ObjectRef target, String reason, String message) {
            calls.add("event " + target.name() + " " + reason);
        }

        @Override
        public ConfigMapData readConfigMap(String namespace, String name) throws ClusterException {
            calls.add("read " + namespace + "/" + name);
            if (failure != null) {
                throw failure;
            }
            return new ConfigMapData(namespace, name, Map.of("t4", "version: v1"), "7");
        }

        @Override
        public ConfigMapData replaceConfigMapData(ConfigMapData edited) throws ClusterException {
            calls.add("replace " + edited.namespace() + "/" + edited.name() + "@" + edited.resourceVersion());
            if (failure != null) {
                throw failure;
            }
            return new ConfigMapData(edited.namespace(), edited.name(), edited.data(), "8");
        }

        @Override
        public void close() {
        }
    }
}

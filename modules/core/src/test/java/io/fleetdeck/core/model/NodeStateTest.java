package io.fleetdeck.core.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStateTest {
    @Test
    void notReadyWinsOverCordoned() {
        assertThat(NodeState.of(TestNodes.node("a", Map.of(), Map.of(), true, "False"))).isEqualTo(NodeState.NOT_READY);
        assertThat(NodeState.of(TestNodes.node("a", Map.of(), Map.of(), true, "True"))).isEqualTo(NodeState.CORDONED);
        assertThat(NodeState.of(TestNodes.node("a", Map.of(), Map.of(), false, "True"))).isEqualTo(NodeState.READY);
        assertThat(NodeState.of(TestNodes.node("a", Map.of(), Map.of(), false, "Unknown"))).isEqualTo(NodeState.UNKNOWN);
        assertThat(NodeState.UNKNOWN.label()).as("kubectl prints NotReady").isEqualTo("NotReady");
        assertThat(NodeState.UNKNOWN.explanation()).contains("Unknown");
    }

    @Test
    void maintenanceLabelMeansDraining() {
        EncoderNode n = TestNodes.node("a", Map.of(FleetLabels.MAINTENANCE_STATE, "draining"), Map.of(), true, "True");
        assertThat(NodeState.of(n)).isEqualTo(NodeState.DRAINING);
    }

    @Test
    void flatcarUpdateStatusIsReadable() {
        EncoderNode n = new EncoderNode("u", "a", Map.of(), Map.of(FleetLabels.FLATCAR_STATUS,
                "UPDATE_STATUS_UPDATED_NEED_REBOOT"), java.util.List.of(), false, java.util.List.of(), Map.of(),
                Map.of(), "", "", "", "", java.time.Instant.EPOCH, false);
        assertThat(OsUpdateState.describe(n)).isEqualTo("Updated need reboot");
    }
}

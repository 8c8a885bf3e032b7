package io.fleetdeck.core.settings;

import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetSettingsTest {
    private final FleetSettings defaults = FleetSettings.defaults();

    @Test
    void theDefaultsAreFieldMdsFigures() {
        DensityTargets targets = defaults.densityTargets();
        assertThat(targets.profile()).isEqualTo("1080p25");
        assertThat(targets.sessionsPerGpu("Tesla-T4-SHARED")).hasValue(28);
        assertThat(targets.sessionsPerGpu("NVIDIA-T4G")).hasValue(28);
        assertThat(targets.sessionsPerGpu("NVIDIA-A10G")).hasValue(31);
        CostTable costs = defaults.costTable();
        CostTable.DEFAULT_PRICES.forEach((type, price) -> assertThat(costs.dollarsPerHour(type)).hasValue(price));
        assertThat(defaults.judgedTable()).containsOnlyKeys("NVIDIA-A10G", "NVIDIA-T4G", "Tesla-T4");
        assertThat(defaults.otherKeys()).isEmpty();
    }

    @Test
    void editsMakeNewSettingsAndLeaveTheOldOnesAlone() {
        FleetSettings edited = defaults.withPrice("g4dn.2xlarge", 0.5)
                .withSessionsPerGpu("720p25", "Tesla-T4", 56)
                .withProfile("720p25");
        assertThat(defaults.prices()).containsEntry("g4dn.2xlarge", 0.752);
        assertThat(edited.costTable().dollarsPerHour("G4DN.2xlarge")).hasValue(0.5);
        assertThat(edited.densityTargets().profile()).isEqualTo("720p25");
        assertThat(edited.densityTargets().sessionsPerGpu("Tesla-T4")).hasValue(56);
        assertThat(edited.densityTargets().sessionsPerGpu("NVIDIA-A10G")).as("not configured at 720p25").isEmpty();
        assertThat(edited.withProfile("1080p25").densityTargets().sessionsPerGpu("Tesla-T4")).hasValue(28);

        FleetSettings removed = defaults.withPrice("vt1.3xlarge", null).withSessionsPerGpu("1080p25", "NVIDIA-A10G", null);
        assertThat(removed.costTable().dollarsPerHour("vt1.3xlarge")).isEmpty();
        assertThat(removed.densityTargets().sessionsPerGpu("NVIDIA-A10G")).isEmpty();
        assertThat(removed.withPrice("vt1.3xlarge", 0.65).withSessionsPerGpu("1080p25", "NVIDIA-A10G", 31))
                .isEqualTo(defaults);
    }

    @Test
    void badFiguresAreRefusedNamingTheirKey() {
        assertThatThrownBy(() -> defaults.withSessionsPerGpu("1080p25", "Tesla-T4", 0))
                .hasMessage("density.sessionsPerGpu.1080p25.Tesla-T4 must be a whole number of at least 1, not 0");
        assertThatThrownBy(() -> defaults.withPrice("g5.2xlarge", -1.0))
                .hasMessageStartingWith("prices.g5.2xlarge must be a number of US$ per hour ≥ 0, not -1.0");
        assertThatThrownBy(() -> defaults.withPrice("g5.2xlarge", Double.NaN)).hasMessageContaining("not NaN");
        assertThatThrownBy(() -> defaults.withPrice("g5.2xlarge", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withProfile("4k60"))
                .hasMessage("density.profile '4k60' has no table under density.sessionsPerGpu; configured: 1080p25");
    }

    @Test
    void twoSpellingsOfOneGpuOrInstanceTypeAreRefused() {
        assertThatThrownBy(() -> defaults.withSessionsPerGpu("1080p25", "NVIDIA-T4", 30))
                .hasMessageContaining("names the same GPU as Tesla-T4");
        assertThatThrownBy(() -> defaults.withPrice("G4DN.2xlarge", 0.7))
                .hasMessageContaining("names the same instance type as g4dn.2xlarge");
    }

    @Test
    void mapsAreCopiedAndReadOnly() {
        var prices = new java.util.HashMap<>(Map.of("a.large", 1.0));
        FleetSettings s = new FleetSettings("p", Map.of("p", Map.of()), prices, Map.of());
        prices.put("b.large", 2.0);
        assertThat(s.prices()).containsOnlyKeys("a.large");
        assertThatThrownBy(() -> s.prices().put("c", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.densityTargets().sessionsPerGpu("Tesla-T4")).as("an empty table judges nothing").isEmpty();
    }
}

package io.fleetdeck.core.capacity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CostTableTest {
    @Test
    void defaultsHoldTheMeasuredInstances() {
        CostTable t = CostTable.defaults();
        assertThat(t.dollarsPerHour("g4dn.2xlarge").getAsDouble()).isEqualTo(0.752, within(1e-12));
        assertThat(t.dollarsPerHour("g5.2xlarge").getAsDouble()).isEqualTo(1.212, within(1e-12));
        assertThat(t.dollarsPerHour("g5g.2xlarge").getAsDouble()).isEqualTo(0.556, within(1e-12));
        assertThat(t.dollarsPerHour("vt1.3xlarge").getAsDouble()).isEqualTo(0.65, within(1e-12));
    }

    @Test
    void unknownOrMissingTypesAreUnpriced() {
        CostTable t = CostTable.defaults();
        assertThat(t.dollarsPerHour("p5.48xlarge")).isEmpty();
        assertThat(t.dollarsPerHour("")).isEmpty();
        assertThat(t.dollarsPerHour(null)).isEmpty();
    }

    @Test
    void lookupIgnoresCaseAndSpaces() {
        CostTable t = new CostTable(Map.of("G4DN.xlarge ", 0.526));
        assertThat(t.dollarsPerHour("g4dn.xlarge")).hasValue(0.526);
    }

    @Test
    void rejectsNegativeOrNaNPrices() {
        assertThatThrownBy(() -> new CostTable(Map.of("a", -1.0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostTable(Map.of("a", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }
}

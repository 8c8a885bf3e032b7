package io.fleetdeck.core.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {
    @Test
    void parsesDecimalAndBinarySuffixes() {
        assertThat(Quantities.parse("500m")).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(Quantities.parse("32Gi")).isEqualByComparingTo(BigDecimal.valueOf(32L << 30));
        assertThat(Quantities.parse("1.5k")).isEqualByComparingTo(new BigDecimal("1500"));
        assertThat(Quantities.parseCount("28")).isEqualTo(28);
    }

    @Test
    void garbageIsNullOrZero() {
        assertThat(Quantities.parse("ten")).isNull();
        assertThat(Quantities.parse("5Xi")).isNull();
        assertThat(Quantities.parse("")).isNull();
        assertThat(Quantities.parseCount(null)).isZero();
    }

    @Test
    void formatsBytes() {
        assertThat(Quantities.formatBytes(32L << 30)).isEqualTo("32.0 GiB");
        assertThat(Quantities.formatBytes(512)).isEqualTo("512 B");
    }
}

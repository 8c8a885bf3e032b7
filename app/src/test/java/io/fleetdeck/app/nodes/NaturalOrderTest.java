package io.fleetdeck.app.nodes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {
    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("ip-10-0-0-10", "ip-10-0-0-4", "ip-10-0-128-2", "ip-10-0-0-04a",
                "IP-9", "gpu-002"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("gpu-002", "IP-9", "ip-10-0-0-4", "ip-10-0-0-04a", "ip-10-0-0-10",
                "ip-10-0-128-2");
    }

    @Test
    void leadingZerosLongNumbersAndZeroItself() {
        NaturalOrder o = NaturalOrder.INSTANCE;
        assertThat(o.compare("n-007", "n-7")).isZero();
        assertThat(o.compare("n-0", "n-00")).isZero();
        assertThat(o.compare("n-0", "n-1")).isNegative();
        assertThat(o.compare("x-123456789012345678901", "x-99")).as("beyond a long").isPositive();
        assertThat(o.compare("x-123456789012345678901", "x-123456789012345678902")).isNegative();
        assertThat(o.compare("a10b2", "a10b10")).isNegative();
        assertThat(o.compare("a", "a1")).isNegative();
    }
}

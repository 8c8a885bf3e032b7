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
}

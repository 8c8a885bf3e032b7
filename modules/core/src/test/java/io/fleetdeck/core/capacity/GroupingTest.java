package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupingTest {
    private final NodeSummary t4 = Fixtures.summary(Fixtures.gpu("a", "Tesla-T4", 1, 28, "g4dn.2xlarge", "gpu-x86", "amd64"));
    private final NodeSummary fpga = Fixtures.summary(Fixtures.fpga("f", "fpga.accelerator.vendorX", 4, "vt1.3xlarge"));
    private final NodeSummary cpu = Fixtures.summary(Fixtures.cpu("c"));

    @Test
    void parsesCliWords() {
        assertThat(Grouping.parse("product")).isEqualTo(Grouping.PRODUCT);
        assertThat(Grouping.parse("instance-type")).isEqualTo(Grouping.INSTANCE_TYPE);
        assertThat(Grouping.parse("NodePool")).isEqualTo(Grouping.NODEPOOL);
        assertThat(Grouping.parse(" arch ")).isEqualTo(Grouping.ARCH);
        assertThat(Grouping.parse("instance_type")).isEqualTo(Grouping.INSTANCE_TYPE);
        assertThatThrownBy(() -> Grouping.parse("zone")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("product|instance-type|nodepool|arch");
        assertThatThrownBy(() -> Grouping.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeKeys() {
        assertThat(Grouping.PRODUCT.keyOf(t4)).isEqualTo("Tesla-T4");
        assertThat(Grouping.PRODUCT.keyOf(fpga)).isEqualTo("FPGA fpga.accelerator.vendorX");
        assertThat(Grouping.PRODUCT.keyOf(cpu)).isEqualTo("none");
        assertThat(Grouping.PRODUCT.keyOf(Fixtures.summary(Fixtures.bareGpu("b", 4)))).isEqualTo("GPU");
        assertThat(Grouping.INSTANCE_TYPE.keyOf(t4)).isEqualTo("g4dn.2xlarge");
        assertThat(Grouping.NODEPOOL.keyOf(t4)).isEqualTo("gpu-x86");
        assertThat(Grouping.NODEPOOL.keyOf(cpu)).isEqualTo("none");
        assertThat(Grouping.ARCH.keyOf(t4)).isEqualTo("amd64");
    }

    @Test
    void pendingPodKeysComeFromItsSelector() {
        var pod = Fixtures.pendingGpu("p", Map.of(FleetLabels.ARCH, "arm64", FleetLabels.NODEPOOL, "gpu-arm",
                FleetLabels.INSTANCE_TYPE, "g5g.2xlarge", FleetLabels.GPU_PRODUCT, "NVIDIA-T4G-SHARED"));
        assertThat(Grouping.ARCH.keyOf(pod)).isEqualTo("arm64");
        assertThat(Grouping.NODEPOOL.keyOf(pod)).isEqualTo("gpu-arm");
        assertThat(Grouping.INSTANCE_TYPE.keyOf(pod)).isEqualTo("g5g.2xlarge");
        assertThat(Grouping.PRODUCT.keyOf(pod)).isEqualTo("NVIDIA-T4G");

        var open = Fixtures.pendingGpu("q", Map.of());
        for (Grouping g : Grouping.values()) {
            assertThat(g.keyOf(open)).isEqualTo(Grouping.UNCONSTRAINED);
        }
        var beta = Fixtures.pendingGpu("r", Map.of(FleetLabels.INSTANCE_TYPE_BETA, "g4dn.2xlarge"));
        assertThat(Grouping.INSTANCE_TYPE.keyOf(beta)).isEqualTo("g4dn.2xlarge");
    }

    @Test
    void vendorFpgaResourcesFollowTheConfiguredPatterns() {
        for (String resource : new String[]{"fpga.intel.com/region-ce48969398f05f33946d560708be108a",
                "amd.com/xilinx_u30_gen3x4_base_2-0", "xilinx.com/fpga-xilinx_u250"}) {
            NodeSummary s = Fixtures.summary(Fixtures.fpga("v", resource, 2, "vt1.3xlarge"));
            assertThat(Grouping.PRODUCT.keyOf(s)).isEqualTo("FPGA " + resource);
        }
        // Not an FPGA pattern: the node counts as having no accelerator.
        NodeSummary other = Fixtures.summary(Fixtures.fpga("o", "example.com/widget", 2, "vt1.3xlarge"));
        assertThat(Grouping.PRODUCT.keyOf(other)).isEqualTo(Grouping.NONE);
    }

    @Test
    void pendingFpgaPodGoesToItsFpgaProduct() {
        var pod = Fixtures.pending("f", Map.of("fpga.accelerator.vendorX", 1L), Map.of(), null, null);
        assertThat(Grouping.PRODUCT.keyOf(pod)).isEqualTo(Grouping.PRODUCT.keyOf(fpga));
        assertThat(Grouping.ARCH.keyOf(pod)).isEqualTo(Grouping.UNCONSTRAINED);
    }
}

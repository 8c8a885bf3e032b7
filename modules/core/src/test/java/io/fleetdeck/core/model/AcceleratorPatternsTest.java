package io.fleetdeck.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcceleratorPatternsTest {
    private final AcceleratorPatterns defaults = AcceleratorPatterns.defaults();

    @Test
    void recognisesVendorFpgaResources() {
        assertThat(defaults.isFpgaResource("fpga.accelerator.vendorX")).isTrue();
        assertThat(defaults.isFpgaResource("fpga.intel.com/region-ce48969398f05f33946d560708be108a")).isTrue();
        assertThat(defaults.isFpgaResource("amd.com/xilinx_u30_gen3x4_base_2-0")).isTrue();
        assertThat(defaults.isFpgaResource("xilinx.com/fpga-xilinx_u250")).isTrue();
        assertThat(defaults.isFpgaResource("nvidia.com/gpu")).isFalse();
        assertThat(defaults.isFpgaResource("cpu")).isFalse();
    }

    @Test
    void gpuResourcesIncludeTheRenamedSharedOne() {
        assertThat(defaults.isGpuResource("nvidia.com/gpu")).isTrue();
        assertThat(defaults.isGpuResource("nvidia.com/gpu.shared")).isTrue();
        assertThat(defaults.isAccelerator("memory")).isFalse();
    }

    @Test
    void globCharactersOtherThanStarAreLiteral() {
        AcceleratorPatterns p = new AcceleratorPatterns(List.of("acme.io/fpga.v1*"));
        assertThat(p.isFpgaResource("acme.io/fpga.v1-slot")).isTrue();
        assertThat(p.isFpgaResource("acme.io/fpgaXv1-slot")).isFalse();
    }
}

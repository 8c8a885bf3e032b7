package io.fleetdeck.nvml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NvmlReturnTest {
    @Test
    void namesAreNvmlHeaderConstants() {
        assertThat(NvmlReturn.name(0)).isEqualTo("NVML_SUCCESS");
        assertThat(NvmlReturn.name(3)).isEqualTo("NVML_ERROR_NOT_SUPPORTED");
        assertThat(NvmlReturn.name(9)).isEqualTo("NVML_ERROR_DRIVER_NOT_LOADED");
        assertThat(NvmlReturn.name(18)).isEqualTo("NVML_ERROR_LIB_RM_VERSION_MISMATCH");
        assertThat(NvmlReturn.name(30)).isEqualTo("NVML_ERROR_RESET_TYPE_NOT_SUPPORTED");
        assertThat(NvmlReturn.name(999)).isEqualTo("NVML_ERROR_UNKNOWN");
        assertThat(NvmlReturn.name(31)).isEqualTo("NVML return code 31");
        assertThat(NvmlReturn.name(-1)).isEqualTo("NVML return code -1");
    }
}

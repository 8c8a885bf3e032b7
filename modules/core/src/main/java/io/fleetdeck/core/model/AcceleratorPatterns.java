package io.fleetdeck.core.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which extended resources count as FPGA cards. Vendor plugins name them differently
 * (Intel {@code fpga.intel.com/region-*}, AMD {@code amd.com/*}, Xilinx {@code xilinx.com/fpga-*}); the
 * patterns are globs where {@code *} matches any run of characters.
 */
public final class AcceleratorPatterns {
    public static final List<String> DEFAULT_FPGA_GLOBS = List.of(
            "fpga.accelerator.*", "fpga.intel.com/*", "amd.com/*", "xilinx.com/fpga-*");

    private final List<String> fpgaGlobs;
    private final List<Pattern> fpgaPatterns;

    public AcceleratorPatterns(List<String> fpgaGlobs) {
        this.fpgaGlobs = List.copyOf(fpgaGlobs);
        this.fpgaPatterns = this.fpgaGlobs.stream()
                .map(g -> Pattern.compile(("\\Q" + g + "\\E").replace("*", "\\E.*\\Q")))
                .toList();
    }

    public static AcceleratorPatterns defaults() {
        return new AcceleratorPatterns(DEFAULT_FPGA_GLOBS);
    }

    public List<String> fpgaGlobs() {
        return fpgaGlobs;
    }

    public boolean isGpuResource(String resource) {
        return FleetLabels.GPU_RESOURCE.equals(resource) || FleetLabels.GPU_SHARED_RESOURCE.equals(resource);
    }

    public boolean isFpgaResource(String resource) {
        for (Pattern p : fpgaPatterns) {
            if (p.matcher(resource).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Accelerator resources are what FleetDeck tracks per pod: GPU slices and FPGA slots. */
    public boolean isAccelerator(String resource) {
        return isGpuResource(resource) || isFpgaResource(resource);
    }
}

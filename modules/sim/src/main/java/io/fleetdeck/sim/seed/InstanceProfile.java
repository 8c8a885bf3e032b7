package io.fleetdeck.sim.seed;

/**
 * The instance types of the demo fleet: accelerator, architecture, Karpenter pool and the
 * time-slicing config their nodes start with (FIELD.md: density 28 for T4/T4G, 31 for A10G).
 */
public enum InstanceProfile {
    T4("g4dn.2xlarge", "gpu-t4", "amd64", "Tesla-T4", "turing", 15360, 1, "t4-28", 8, 32),
    A10G("g5.2xlarge", "gpu-a10g", "amd64", "NVIDIA-A10G", "ampere", 23028, 1, "a10g-31", 8, 32),
    T4G("g5g.2xlarge", "gpu-arm", "arm64", "NVIDIA-T4G", "turing", 15360, 1, "t4-28", 8, 16),
    FPGA("vt1.3xlarge", "fpga", "amd64", null, null, 0, 2, null, 12, 24);

    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    public static final String FPGA_RESOURCE = "fpga.accelerator.vendorX";

    public final String instanceType;
    public final String nodePool;
    public final String arch;
    public final String gpuProduct;
    public final String gpuFamily;
    public final int gpuMemoryMiB;
    /** GPUs, or FPGA cards for {@link #FPGA}. */
    public final int devices;
    public final String deviceConfig;
    public final int cpus;
    public final int memoryGiB;

    InstanceProfile(String instanceType, String nodePool, String arch, String gpuProduct, String gpuFamily,
                    int gpuMemoryMiB, int devices, String deviceConfig, int cpus, int memoryGiB) {
        this.instanceType = instanceType;
        this.nodePool = nodePool;
        this.arch = arch;
        this.gpuProduct = gpuProduct;
        this.gpuFamily = gpuFamily;
        this.gpuMemoryMiB = gpuMemoryMiB;
        this.devices = devices;
        this.deviceConfig = deviceConfig;
        this.cpus = cpus;
        this.memoryGiB = memoryGiB;
    }

    public boolean isGpu() {
        return gpuProduct != null;
    }

    public String resource() {
        return isGpu() ? GPU_RESOURCE : FPGA_RESOURCE;
    }

    public static InstanceProfile forPool(String pool) {
        for (InstanceProfile p : values()) {
            if (p.nodePool.equals(pool)) {
                return p;
            }
        }
        return null;
    }
}

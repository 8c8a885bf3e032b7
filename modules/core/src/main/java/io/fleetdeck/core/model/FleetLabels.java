package io.fleetdeck.core.model;

/** The real label, annotation and resource names FleetDeck reads (see FIELD.md). */
public final class FleetLabels {
    private FleetLabels() {
    }

    public static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
    public static final String INSTANCE_TYPE_BETA = "beta.kubernetes.io/instance-type";
    public static final String ZONE = "topology.kubernetes.io/zone";
    public static final String ARCH = "kubernetes.io/arch";
    public static final String NODEPOOL = "karpenter.sh/nodepool";
    public static final String CAPACITY_TYPE = "karpenter.sh/capacity-type";
    public static final String EKS_CAPACITY_TYPE = "eks.amazonaws.com/capacityType";
    public static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    public static final String GPU_SHARED_RESOURCE = "nvidia.com/gpu.shared";
    public static final String GPU_PRODUCT = "nvidia.com/gpu.product";
    public static final String GPU_COUNT = "nvidia.com/gpu.count";
    public static final String GPU_REPLICAS = "nvidia.com/gpu.replicas";
    public static final String GPU_MEMORY = "nvidia.com/gpu.memory";
    public static final String GPU_SHARING_STRATEGY = "nvidia.com/gpu.sharing-strategy";
    public static final String DEVICE_PLUGIN_CONFIG = "nvidia.com/device-plugin.config";
    public static final String CUDA_DRIVER_FULL = "nvidia.com/cuda.driver-version.full";

    public static final String FLATCAR_PREFIX = "flatcar-linux-update.v1.flatcar-linux.net/";
    public static final String FLATCAR_STATUS = FLATCAR_PREFIX + "status";
    public static final String FLATCAR_REBOOT_NEEDED = FLATCAR_PREFIX + "reboot-needed";
    public static final String FLATCAR_REBOOT_IN_PROGRESS = FLATCAR_PREFIX + "reboot-in-progress";
    public static final String FLATCAR_NEW_VERSION = FLATCAR_PREFIX + "new-version";

    public static final String MIRROR_POD = "kubernetes.io/config.mirror";

    public static final String MAINTENANCE_STATE = "fleetdeck.io/maintenance-state";
    public static final String STREAM = "fleetdeck.io/stream";
    public static final String PREVIEW_URL = "fleetdeck.io/preview-url";
    public static final String TARGET_FPS = "fleetdeck.io/target-fps";
}

package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the device plugins on a node advertise. GPU: GPUs x the replicas of the time-slicing config
 * the node's {@code nvidia.com/device-plugin.config} label picks. Drivers (NVIDIA's and the FPGA
 * vendor's) are built for particular kernels; on any other kernel the plugin is down and the node
 * advertises 0 allocatable, which is the mismatch FleetDeck must show.
 */
public final class AcceleratorCapacity {
    public static final String CONFIG_NAMESPACE = "nvidia-device-plugin";
    public static final String CONFIG_NAME = "time-slicing-config";
    public static final String CONFIG_LABEL = "nvidia.com/device-plugin.config";
    /** Kernels the demo fleet's accelerator drivers were built for: Flatcar 4081.2.0 and Bottlerocket 1.26. */
    public static final Set<String> SUPPORTED_KERNELS = Set.of("6.6.60-flatcar", "6.1.119");

    private static final Pattern REPLICAS = Pattern.compile("replicas:\\s*(\\d+)");

    private AcceleratorCapacity() {
    }

    public static boolean driverLoads(String kernelVersion) {
        return SUPPORTED_KERNELS.contains(kernelVersion);
    }

    /** Replicas per GPU for a config name, 1 (no sharing) when the ConfigMap has no such key. */
    public static int replicas(Map<String, String> timeSlicingConfig, String configName) {
        String yaml = configName == null ? null : timeSlicingConfig.get(configName);
        if (yaml == null) {
            return 1;
        }
        Matcher m = REPLICAS.matcher(yaml);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    public static int gpus(JsonNode nodeLabels) {
        return nodeLabels.path("nvidia.com/gpu.count").asInt(0);
    }

    public static String timeSlicingYaml(int replicas) {
        return """
            version: v1
            sharing:
              timeSlicing:
                renameByDefault: false
                failRequestsGreaterThanOne: true
                resources:
                  - name: nvidia.com/gpu
                    replicas: %d
            """.formatted(replicas);
    }
}

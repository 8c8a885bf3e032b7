package io.fleetdeck.core.timeslicing;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The NVIDIA k8s-device-plugin config ({@code api/config/v1}), the parts that decide how a GPU is shared.
 * {@link #parse} accepts anything shaped like the format so that {@link #validate()} can explain what is wrong
 * with it; only text that is not YAML, not a mapping, or has values of the wrong type is rejected outright.
 *
 * @param conflicting true when both {@code sharing.timeSlicing} and {@code sharing.mps} are set; the plugin
 *                    refuses that, and {@code strategy}/{@code resources} then describe the time-slicing part
 */
public record DevicePluginConfig(
        String version,
        SharingStrategy strategy,
        boolean renameByDefault,
        Boolean failRequestsGreaterThanOne,
        List<ReplicatedResource> resources,
        boolean conflicting) {

    public static final String SUPPORTED_VERSION = "v1";
    private static final String GPU = "nvidia.com/gpu";
    private static final Pattern MIG = Pattern.compile("nvidia\\.com/mig-\\S+");

    public DevicePluginConfig {
        resources = List.copyOf(resources);
    }

    public enum SharingStrategy { NONE, TIME_SLICING, MPS }

    /**
     * One shared resource.
     *
     * @param rename   custom advertised name, or null
     * @param replicas units per device, or null when missing
     * @param devices  device indexes, UUIDs or MIG ids; empty = all devices
     */
    public record ReplicatedResource(String name, String rename, Integer replicas, List<String> devices) {
        public ReplicatedResource {
            devices = List.copyOf(devices);
        }
    }

    /** Errors make the plugin refuse the config; warnings are legal but likely to surprise. */
    public record Validation(DevicePluginConfig config, List<String> errors, List<String> warnings) {
        public Validation {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Text the plugin could not even read: not YAML, not a mapping, or a value of the wrong type. */
    public static final class InvalidConfigException extends IllegalArgumentException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    /** Parses with snakeyaml's SafeConstructor (no arbitrary types); duplicate keys are an error. */
    public static DevicePluginConfig parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yaml == null ? "" : yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InvalidConfigException("not valid YAML: " + where + problem);
        } catch (YAMLException e) {
            throw new InvalidConfigException("not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidConfigException("empty config: expected a mapping starting with 'version: v1'");
        }
        Map<?, ?> top = ConfigReader.mapping(root, "the top level");
        String version = ConfigReader.string(top.get("version"), "version");
        Map<?, ?> sharing = ConfigReader.optionalMapping(top.get("sharing"), "sharing");
        Map<?, ?> timeSlicing = sharing == null ? null
                : ConfigReader.optionalMapping(sharing.get("timeSlicing"), "sharing.timeSlicing");
        Map<?, ?> mps = sharing == null ? null : ConfigReader.optionalMapping(sharing.get("mps"), "sharing.mps");
        SharingStrategy strategy = timeSlicing != null ? SharingStrategy.TIME_SLICING
                : mps != null ? SharingStrategy.MPS : SharingStrategy.NONE;
        Map<?, ?> used = timeSlicing != null ? timeSlicing : mps;
        String path = timeSlicing != null ? "sharing.timeSlicing" : "sharing.mps";
        if (used == null) {
            return new DevicePluginConfig(version, strategy, false, null, List.of(), false);
        }
        Boolean rename = ConfigReader.bool(used.get("renameByDefault"), path + ".renameByDefault");
        Boolean fail = ConfigReader.bool(used.get("failRequestsGreaterThanOne"), path + ".failRequestsGreaterThanOne");
        return new DevicePluginConfig(version, strategy, Boolean.TRUE.equals(rename), fail,
                ConfigReader.resources(used.get("resources"), path + ".resources"), timeSlicing != null && mps != null);
    }

    /** Parses and validates; text that cannot be parsed gives one error and a null config. */
    public static Validation validate(String yaml) {
        try {
            return parse(yaml).validate();
        } catch (InvalidConfigException e) {
            return new Validation(null, List.of(e.getMessage()), List.of());
        }
    }

    public Validation validate() {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (version == null) {
            errors.add("version is missing: expected 'version: " + SUPPORTED_VERSION + "'");
        } else if (!SUPPORTED_VERSION.equals(version)) {
            errors.add("version '" + version + "' is not supported: expected '" + SUPPORTED_VERSION + "'");
        }
        if (conflicting) {
            errors.add("sharing.timeSlicing and sharing.mps are mutually exclusive: set only one");
        }
        String path = strategy == SharingStrategy.MPS ? "sharing.mps" : "sharing.timeSlicing";
        if (strategy != SharingStrategy.NONE && resources.isEmpty()) {
            warnings.add(path + " lists no resources: nothing is shared");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            ReplicatedResource r = resources.get(i);
            String at = path + ".resources[" + i + "]";
            if (r.name() == null || r.name().isBlank()) {
                errors.add(at + ".name is missing");
            } else {
                if (!isSliceable(r.name())) {
                    errors.add(at + ": " + r.name() + " cannot be shared; only " + GPU
                            + " and MIG resources (nvidia.com/mig-<profile>) can");
                }
                if (!seen.add(r.name())) {
                    errors.add(at + ": " + r.name() + " is listed twice");
                }
            }
            if (r.replicas() == null) {
                errors.add(at + ".replicas is missing");
            } else if (r.replicas() < 1) {
                errors.add(at + ".replicas is " + r.replicas() + ": must be at least 1");
            } else if (r.replicas() == 1) {
                warnings.add(at + ".replicas is 1: the GPU is not shared");
            }
            if (r.rename() != null && r.name() != null) {
                warnings.add(at + ": " + r.name() + " is advertised as " + r.rename() + ", so pods requesting "
                        + r.name() + " would no longer fit");
            }
        }
        if (strategy == SharingStrategy.TIME_SLICING && !Boolean.TRUE.equals(failRequestsGreaterThanOne)) {
            warnings.add("failRequestsGreaterThanOne is not true: a pod asking for more than one slice gets no more"
                    + " GPU time, only more of the same GPU's share; set it to true so such pods fail admission");
        }
        if (renameByDefault) {
            warnings.add("renameByDefault is true: the resource is advertised as nvidia.com/gpu.shared, so pods"
                    + " requesting nvidia.com/gpu would no longer fit");
        }
        return new Validation(this, errors, warnings);
    }

    /** Only whole GPUs and MIG instances can be time-sliced or shared through MPS. */
    public static boolean isSliceable(String resource) {
        return GPU.equals(resource) || MIG.matcher(resource).matches();
    }

    /** The name the plugin advertises a shared resource under. */
    public String advertisedName(ReplicatedResource r) {
        if (r.rename() != null && !r.rename().isBlank()) {
            return r.rename();
        }
        return renameByDefault ? r.name() + ".shared" : r.name();
    }

    /** The name the plugin advertises {@code resource} under with this config (itself when not shared). */
    public String advertisedName(String resource) {
        for (ReplicatedResource r : resources) {
            if (resource.equals(r.name()) && strategy != SharingStrategy.NONE) {
                return advertisedName(r);
            }
        }
        return resource;
    }

    /**
     * Units each device of {@code resource} becomes: its replicas when shared (by its own or its advertised
     * name, so {@code nvidia.com/gpu.shared} finds the {@code nvidia.com/gpu} entry), else 1.
     */
    public int replicasFor(String resource) {
        if (strategy == SharingStrategy.NONE || resource == null) {
            return 1;
        }
        for (ReplicatedResource r : resources) {
            if (r.replicas() != null && r.replicas() >= 1 && r.name() != null
                    && (resource.equals(r.name()) || resource.equals(advertisedName(r)))) {
                return r.replicas();
            }
        }
        return 1;
    }
}

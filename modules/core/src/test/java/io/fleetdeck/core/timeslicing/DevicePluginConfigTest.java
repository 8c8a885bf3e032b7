package io.fleetdeck.core.timeslicing;

import io.fleetdeck.core.timeslicing.DevicePluginConfig.SharingStrategy;
import io.fleetdeck.core.timeslicing.DevicePluginConfig.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevicePluginConfigTest {
    static String timeSlicing(int replicas) {
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

    @Test
    void parsesTheFieldFormat() {
        DevicePluginConfig c = DevicePluginConfig.parse(timeSlicing(10));
        assertThat(c.version()).isEqualTo("v1");
        assertThat(c.strategy()).isEqualTo(SharingStrategy.TIME_SLICING);
        assertThat(c.renameByDefault()).isFalse();
        assertThat(c.failRequestsGreaterThanOne()).isTrue();
        assertThat(c.resources()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("nvidia.com/gpu");
            assertThat(r.replicas()).isEqualTo(10);
            assertThat(r.rename()).isNull();
            assertThat(r.devices()).isEmpty();
        });
        assertThat(c.replicasFor("nvidia.com/gpu")).isEqualTo(10);
        assertThat(c.replicasFor("nvidia.com/mig-1g.5gb")).isEqualTo(1);
        assertThat(c.advertisedName("nvidia.com/gpu")).isEqualTo("nvidia.com/gpu");
        Validation v = DevicePluginConfig.validate(timeSlicing(10));
        assertThat(v.isValid()).isTrue();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void noSharingMeansOneReplica() {
        DevicePluginConfig c = DevicePluginConfig.parse("version: v1\nflags:\n  migStrategy: none\n");
        assertThat(c.strategy()).isEqualTo(SharingStrategy.NONE);
        assertThat(c.replicasFor("nvidia.com/gpu")).isEqualTo(1);
        assertThat(c.failRequestsGreaterThanOne()).isNull();
        assertThat(c.validate().isValid()).isTrue();
    }

    @Test
    void renamedResourcesAreFoundByEitherName() {
        DevicePluginConfig c = DevicePluginConfig.parse("""
                version: v1
                sharing:
                  timeSlicing:
                    renameByDefault: true
                    failRequestsGreaterThanOne: true
                    resources:
                      - name: nvidia.com/gpu
                        replicas: 28
                      - name: nvidia.com/mig-1g.10gb
                        rename: encoder-slice
                        replicas: 4
                        devices: [0, 1]
                """);
        assertThat(c.replicasFor("nvidia.com/gpu.shared")).isEqualTo(28);
        assertThat(c.replicasFor("nvidia.com/gpu")).isEqualTo(28);
        assertThat(c.replicasFor("encoder-slice")).isEqualTo(4);
        assertThat(c.advertisedName("nvidia.com/gpu")).isEqualTo("nvidia.com/gpu.shared");
        assertThat(c.resources().get(1).devices()).containsExactly("0", "1");
        Validation v = c.validate();
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w).contains("renameByDefault is true")
                .contains("nvidia.com/gpu.shared"));
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w).contains("advertised as encoder-slice"));
    }

    @Test
    void mpsIsAStrategyToo() {
        DevicePluginConfig c = DevicePluginConfig.parse("""
                version: v1
                sharing:
                  mps:
                    resources:
                      - name: nvidia.com/gpu
                        replicas: 8
                """);
        assertThat(c.strategy()).isEqualTo(SharingStrategy.MPS);
        assertThat(c.replicasFor("nvidia.com/gpu")).isEqualTo(8);
        // MPS always refuses requests above one, so there is no failRequestsGreaterThanOne warning.
        assertThat(c.validate().warnings()).isEmpty();
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        Validation v = DevicePluginConfig.validate("version: v1\nsharing:\n  timeSlicing: [\n    replicas: 3\n");
        assertThat(v.isValid()).isFalse();
        assertThat(v.config()).isNull();
        assertThat(v.errors()).singleElement().asString().startsWith("not valid YAML: line ").contains("column");

        assertThatThrownBy(() -> DevicePluginConfig.parse("a: b: c"))
                .isInstanceOf(DevicePluginConfig.InvalidConfigException.class)
                .hasMessageContaining("line 1, column 5");
    }

    @Test
    void notAMappingOrEmptyOrDuplicateKeys() {
        assertThat(DevicePluginConfig.validate("- a\n- b\n").errors()).singleElement().asString()
                .contains("the top level must be a mapping, not a list");
        assertThat(DevicePluginConfig.validate("just text").errors()).singleElement().asString()
                .contains("must be a mapping");
        assertThat(DevicePluginConfig.validate("").errors()).singleElement().asString().contains("empty");
        assertThat(DevicePluginConfig.validate("version: v1\nversion: v2\n").errors()).singleElement().asString()
                .contains("not valid YAML").contains("version");
    }

    @Test
    void wrongTypesAreRejectedWithTheirPath() {
        assertThat(DevicePluginConfig.validate(timeSlicing(1).replace("replicas: 1", "replicas: ten")).errors())
                .containsExactly("sharing.timeSlicing.resources[0].replicas must be a whole number, not 'ten'");
        assertThat(DevicePluginConfig.validate("version: v1\nsharing:\n  timeSlicing:\n    renameByDefault: maybe\n")
                .errors()).singleElement().asString().contains("renameByDefault must be true or false");
        assertThat(DevicePluginConfig.validate("version: v1\nsharing:\n  timeSlicing:\n    resources: gpu\n")
                .errors()).singleElement().asString().contains("resources must be a list");
    }

    @Test
    void timeSlicingAndMpsAreMutuallyExclusive() {
        Validation v = DevicePluginConfig.validate("""
                version: v1
                sharing:
                  timeSlicing:
                    failRequestsGreaterThanOne: true
                    resources: [{name: nvidia.com/gpu, replicas: 4}]
                  mps:
                    resources: [{name: nvidia.com/gpu, replicas: 4}]
                """);
        assertThat(v.errors()).containsExactly("sharing.timeSlicing and sharing.mps are mutually exclusive: set only one");
    }

    @Test
    void replicasMissingOrBelowOne() {
        assertThat(DevicePluginConfig.validate(timeSlicing(0)).errors())
                .containsExactly("sharing.timeSlicing.resources[0].replicas is 0: must be at least 1");
        assertThat(DevicePluginConfig.validate(timeSlicing(-3)).errors()).hasSize(1);
        Validation missing = DevicePluginConfig.validate(timeSlicing(4).replace("        replicas: 4\n", ""));
        assertThat(missing.errors()).containsExactly("sharing.timeSlicing.resources[0].replicas is missing");
        assertThat(missing.config().replicasFor("nvidia.com/gpu")).isEqualTo(1);
        assertThat(DevicePluginConfig.validate(timeSlicing(1)).warnings()).singleElement().asString()
                .contains("not shared");
    }

    @Test
    void versionAndResourceNamesAreChecked() {
        assertThat(DevicePluginConfig.validate(timeSlicing(4).replace("v1", "v2")).errors())
                .containsExactly("version 'v2' is not supported: expected 'v1'");
        assertThat(DevicePluginConfig.validate(timeSlicing(4).replace("version: v1\n", "")).errors())
                .singleElement().asString().contains("version is missing");
        Validation v = DevicePluginConfig.validate("""
                version: v1
                sharing:
                  timeSlicing:
                    failRequestsGreaterThanOne: true
                    resources:
                      - name: nvidia.com/gpu
                        replicas: 4
                      - name: nvidia.com/gpu
                        replicas: 8
                      - name: fpga.intel.com/region-abc
                        replicas: 2
                      - name: nvidia.com/mig-3g.20gb
                        replicas: 2
                      - replicas: 2
                """);
        assertThat(v.errors()).containsExactly(
                "sharing.timeSlicing.resources[1]: nvidia.com/gpu is listed twice",
                "sharing.timeSlicing.resources[2]: fpga.intel.com/region-abc cannot be shared; only nvidia.com/gpu"
                        + " and MIG resources (nvidia.com/mig-<profile>) can",
                "sharing.timeSlicing.resources[4].name is missing");
        assertThat(DevicePluginConfig.isSliceable("nvidia.com/gpu.shared")).isFalse();
    }

    @Test
    void warnsWhenLargerRequestsAreNotRefused() {
        Validation v = DevicePluginConfig.validate(timeSlicing(4).replace("    failRequestsGreaterThanOne: true\n", ""));
        assertThat(v.isValid()).isTrue();
        assertThat(v.warnings()).singleElement().asString().contains("failRequestsGreaterThanOne is not true")
                .contains("no more GPU time");
        assertThat(DevicePluginConfig.validate(timeSlicing(4).replace("failRequestsGreaterThanOne: true",
                "failRequestsGreaterThanOne: false")).warnings()).hasSize(1);
    }

    @Test
    void unsafeTagsAreRefused() {
        assertThat(DevicePluginConfig.validate("version: !!javax.script.ScriptEngineManager [x]\n").errors())
                .singleElement().asString().startsWith("not valid YAML");
    }
}

package io.fleetdeck.app.timeslicing;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.actions.ConfigMapCommands;
import io.fleetdeck.core.audit.AuditEntry;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.DensityVerdict;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.fleetdeck.app.timeslicing.DevicePluginFleet.config;
import static org.assertj.core.api.Assertions.assertThat;

class TimeSlicingViewModelTest {
    private final DevicePluginFleet cluster = new DevicePluginFleet();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final TimeSlicingViewModel vm = new TimeSlicingViewModel(TaskRunner.sameThread(),
            DensityTargets.defaults(), DevicePluginFleet::nodes);

    @BeforeEach
    void connect() {
        vm.setCommands(new ConfigMapCommands(cluster, audit::add, "ops",
                Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void disconnectedEverythingIsDisabledWithAMessage() {
        vm.setCommands(null);
        vm.load();
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.applyDisabledProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Not connected");
    }

    @Test
    void loadListsTheConfigsWithTheNodesUsingThem() {
        vm.load();
        assertThat(vm.keys()).containsExactly("a10g-31", "t4-28", "t4-40");
        assertThat(vm.nodesUsing("t4-28")).isEqualTo(3);
        assertThat(vm.nodesUsing("a10g-31")).isEqualTo(1);
        assertThat(vm.nodesUsing("t4-40")).isZero();
        assertThat(vm.selectedKeyProperty().get()).isEqualTo("a10g-31");
        assertThat(vm.textProperty().get()).isEqualTo(config(31));
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.applyDisabledProperty().get()).as("nothing changed").isTrue();
        assertThat(vm.messageProperty().get()).contains("Loaded nvidia-device-plugin/time-slicing-config");
    }

    @Test
    void editingReplicasShowsTheImpactBeforeAndAfter() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(30));

        TimeSlicingImpact impact = vm.impactProperty().get();
        assertThat(impact.total().slicesBefore()).isEqualTo(84);
        assertThat(impact.total().slicesAfter()).isEqualTo(90);
        assertThat(vm.impactPools()).extracting(TimeSlicingImpact.PoolImpact::pool).containsExactly("gpu-t4");
        assertThat(vm.impactNodes()).extracting(TimeSlicingImpact.NodeImpact::node)
                .containsExactly("t4-a", "t4-b", "t4-c");
        assertThat(vm.impactNodes().getFirst().verdictAfter()).isEqualTo(DensityVerdict.OVERSUBSCRIBED);
        assertThat(vm.editedKeys()).containsExactly("t4-28");
        assertThat(vm.applyDisabledProperty().get()).isFalse();
        assertThat(vm.changeSummary()).isEqualTo("t4-28: replicas 28 → 30");
        assertThat(vm.confirmationNeeded()).isTrue();
        assertThat(vm.confirmationText()).contains("3 nodes would be over-subscribed");

        vm.textProperty().set(config(28));
        assertThat(vm.editedKeys()).as("back to the loaded text is no edit").isEmpty();
        assertThat(vm.impactProperty().get()).isNull();
        assertThat(vm.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void fewerSlicesThanSessionsAskFirst() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(20));
        assertThat(vm.impactProperty().get().total().displaced()).isEqualTo(7);
        assertThat(vm.confirmationText()).startsWith("3 nodes would lose slices; 7 sessions would no longer fit");
    }

    @Test
    void invalidYamlIsAnErrorAndDisablesApply() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set("version: v1\nsharing: [unclosed");
        assertThat(vm.errors()).singleElement().asString().startsWith("not valid YAML");
        assertThat(vm.applyDisabledProperty().get()).isTrue();

        // The error of an edited config stays visible while another one is selected.
        vm.selectedKeyProperty().set("t4-40");
        assertThat(vm.errors()).singleElement().asString().startsWith("t4-28: not valid YAML");
        assertThat(vm.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void zeroReplicasIsAnError() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(0));
        assertThat(vm.errors()).containsExactly("sharing.timeSlicing.resources[0].replicas is 0: must be at least 1");
        assertThat(vm.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void mpsWithTimeSlicingIsAnError() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(28) + "  mps:\n    resources:\n      - name: nvidia.com/gpu\n        replicas: 4\n");
        assertThat(vm.errors()).contains("sharing.timeSlicing and sharing.mps are mutually exclusive: set only one");
        assertThat(vm.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void warningsDoNotBlockApply() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(28).replace("true", "false"));
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.warnings()).anyMatch(w -> w.startsWith("failRequestsGreaterThanOne is not true"));
        assertThat(vm.applyDisabledProperty().get()).isFalse();
    }

    @Test
    void applyWritesEveryEditAtTheReadVersionAndAuditsTheChange() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(30));
        vm.selectedKeyProperty().set("a10g-31");
        vm.textProperty().set(config(24));
        vm.selectedKeyProperty().set("t4-28");
        assertThat(vm.textProperty().get()).as("edits of several keys are kept").isEqualTo(config(30));

        vm.apply();

        assertThat(cluster.writes).singleElement().satisfies(w -> {
            assertThat(w.resourceVersion()).isEqualTo("100");
            assertThat(w.data()).containsEntry("t4-28", config(30)).containsEntry("a10g-31", config(24))
                    .containsEntry("t4-40", config(40));
        });
        String change = "a10g-31: replicas 31 → 24; t4-28: replicas 28 → 30";
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("edit-configmap");
            assertThat(e.target()).isEqualTo("configmap/nvidia-device-plugin/time-slicing-config");
            assertThat(e.outcome()).isEqualTo(AuditEntry.OK);
            assertThat(e.detail()).isEqualTo(change);
        });
        assertThat(vm.messageProperty().get()).isEqualTo("Applied: " + change + ".");
        assertThat(vm.loadedProperty().get().resourceVersion()).as("reloaded").isEqualTo("101");
        assertThat(vm.editedKeys()).isEmpty();
        assertThat(vm.textProperty().get()).isEqualTo(config(30));
        assertThat(vm.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void aConflictKeepsTheEditsAndExplains() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(30));
        vm.selectedKeyProperty().set("t4-40");
        vm.textProperty().set(config(36));
        cluster.changeBehindTheConsole("t4-28", config(26));

        vm.apply();

        assertThat(cluster.writes).isEmpty();
        assertThat(cluster.current().data().get("t4-28")).isEqualTo(config(26));
        assertThat(vm.conflictProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("changed by someone else since you loaded it")
                .contains("Your edits are kept");
        assertThat(vm.editedKeys()).containsExactlyInAnyOrder("t4-28", "t4-40");
        assertThat(vm.applyDisabledProperty().get()).isFalse();
        assertThat(audit).singleElement().extracting(AuditEntry::outcome).isEqualTo(AuditEntry.FAILED);

        // Reloading keeps the edit nobody else touched and drops the one that would overwrite theirs.
        vm.load();
        assertThat(vm.conflictProperty().get()).isFalse();
        assertThat(vm.editedKeys()).containsExactly("t4-40");
        assertThat(vm.textProperty().get()).isEqualTo(config(36));
        assertThat(vm.messageProperty().get()).contains("your edits were dropped: t4-28");
        vm.selectedKeyProperty().set("t4-28");
        assertThat(vm.textProperty().get()).isEqualTo(config(26));
    }

    @Test
    void revertDiscardsEveryEdit() {
        vm.load();
        vm.selectedKeyProperty().set("t4-28");
        vm.textProperty().set(config(30));
        vm.revert();
        assertThat(vm.editedKeys()).isEmpty();
        assertThat(vm.textProperty().get()).isEqualTo(config(28));
        assertThat(vm.impactProperty().get()).isNull();
    }

    @Test
    void aMissingConfigMapIsExplained() {
        cluster.delete();
        vm.load();
        assertThat(vm.messageProperty().get()).startsWith(
                "ConfigMap nvidia-device-plugin/time-slicing-config does not exist in this cluster");
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theImpactFollowsEditedDensityTargets() {
        var settings = io.fleetdeck.app.slices.SettingsEditor.unstored(io.fleetdeck.core.settings.FleetSettings.defaults());
        TimeSlicingViewModel following = new TimeSlicingViewModel(TaskRunner.sameThread(),
                settings.densityTargetsProperty(), DevicePluginFleet::nodes);
        following.setCommands(new ConfigMapCommands(cluster, audit::add, "ops", Clock.systemUTC()));
        following.load();
        following.selectedKeyProperty().set("t4-28");
        following.textProperty().set(config(30));
        assertThat(following.impactNodes().getFirst().verdictAfter()).isEqualTo(DensityVerdict.OVERSUBSCRIBED);

        settings.setSessions("Tesla-T4", "30");
        assertThat(following.impactNodes().getFirst().verdictAfter()).isEqualTo(DensityVerdict.OK);
        assertThat(following.confirmationNeeded()).isFalse();
    }
}

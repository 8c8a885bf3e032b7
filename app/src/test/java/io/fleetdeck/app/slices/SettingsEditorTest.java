package io.fleetdeck.app.slices;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.slices.SettingsRows.DensityRow;
import io.fleetdeck.app.slices.SettingsRows.PriceRow;
import io.fleetdeck.core.settings.FleetSettings;
import io.fleetdeck.core.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsEditorTest {
    static final String FILE = """
            density:
              profile: 1080p25
              sessionsPerGpu:
                1080p25: {Tesla-T4: 28, NVIDIA-A10G: 31}
                720p25: {Tesla-T4: 56}
            prices:
              g4dn.2xlarge: 0.752
            """;

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve("settings.yaml");
    }

    private SettingsEditor editor(String text) throws Exception {
        if (text != null) {
            Files.writeString(path(), text);
        }
        SettingsEditor e = new SettingsEditor(TaskRunner.sameThread(), new SettingsFile(path()));
        e.load();
        return e;
    }

    @Test
    void noFileMeansTheDefaultsAndNothingToSave() throws Exception {
        SettingsEditor e = editor(null);
        assertThat(e.currentProperty().get()).isEqualTo(FleetSettings.defaults());
        assertThat(e.messageProperty().get()).startsWith("No settings file yet").contains(path().toString());
        assertThat(e.problemProperty().get()).isEmpty();
        assertThat(e.dirtyProperty().get()).isFalse();
        assertThat(e.densityRows()).extracting(DensityRow::product)
                .containsExactly("NVIDIA-A10G", "NVIDIA-T4G", "Tesla-T4");
        assertThat(Files.exists(path())).isFalse();
    }

    @Test
    void theFileIsShownAsRowsAndProfiles() throws Exception {
        SettingsEditor e = editor(FILE);
        assertThat(e.profiles()).containsExactly("1080p25", "720p25");
        assertThat(e.profileProperty().get()).isEqualTo("1080p25");
        assertThat(e.densityRows()).containsExactly(new DensityRow("NVIDIA-A10G", 31, false),
                new DensityRow("Tesla-T4", 28, false));
        assertThat(e.priceRows()).containsExactly(new PriceRow("g4dn.2xlarge", 0.752, false));
        assertThat(e.messageProperty().get()).isEqualTo("Settings from " + path() + ".");

        e.profileProperty().set("720p25");
        assertThat(e.densityTargetsProperty().get().profile()).isEqualTo("720p25");
        assertThat(e.densityTargetsProperty().get().sessionsPerGpu("Tesla-T4-SHARED")).hasValue(56);
        assertThat(e.densityRows()).containsExactly(new DensityRow("Tesla-T4", 56, false));
        assertThat(e.dirtyProperty().get()).isTrue();
    }

    @Test
    void aBadFigureIsRefusedWithAMessageAndTheOldOneStays() throws Exception {
        SettingsEditor e = editor(FILE);
        FleetSettings before = e.currentProperty().get();
        for (String bad : new String[]{"abc", "-1", "1,5", "NaN", "Infinity", "1e3", "0x10"}) {
            assertThat(e.setPrice("g4dn.2xlarge", bad)).as(bad).isFalse();
            assertThat(e.messageProperty().get()).as(bad)
                    .isEqualTo("Not taken: $/h for g4dn.2xlarge must be a number ≥ 0 such as 0.752, not '" + bad
                            + "'. It stays $0.752.");
        }
        for (String bad : new String[]{"0", "-3", "28.5", "lots", "99999999999"}) {
            assertThat(e.setSessions("Tesla-T4", bad)).as(bad).isFalse();
            assertThat(e.messageProperty().get()).as(bad).startsWith("Not taken: Sessions per GPU for Tesla-T4")
                    .endsWith("It stays 28.");
        }
        assertThat(e.currentProperty().get()).isSameAs(before);
        assertThat(e.dirtyProperty().get()).isFalse();
    }

    @Test
    void editsTakeEffectAtOnceAndRevertGoesBack() throws Exception {
        SettingsEditor e = editor(FILE);
        assertThat(e.setPrice("g4dn.2xlarge", " $1.5 ")).isTrue();
        assertThat(e.setSessions("Tesla-T4", "30")).isTrue();
        assertThat(e.currentProperty().get().costTable().dollarsPerHour("g4dn.2xlarge")).hasValue(1.5);
        assertThat(e.densityTargetsProperty().get().sessionsPerGpu("Tesla-T4")).hasValue(30);
        assertThat(e.priceRows()).containsExactly(new PriceRow("g4dn.2xlarge", 1.5, false));
        assertThat(e.dirtyProperty().get()).isTrue();
        assertThat(e.messageProperty().get()).isEqualTo("Tesla-T4: 30 sessions per GPU at 1080p25. Not saved yet.");

        e.revert();
        assertThat(e.currentProperty().get().prices()).containsEntry("g4dn.2xlarge", 0.752);
        assertThat(e.densityTargetsProperty().get().sessionsPerGpu("Tesla-T4")).hasValue(28);
        assertThat(e.dirtyProperty().get()).isFalse();
        assertThat(e.messageProperty().get()).isEqualTo("Edits reverted.");
    }

    @Test
    void saveWritesTheFileAndCleansTheEdits() throws Exception {
        SettingsEditor e = editor(FILE);
        e.setPrice("g5.2xlarge", "1.212");
        e.setSessions("Tesla-T4", "");
        e.save();
        assertThat(e.dirtyProperty().get()).isFalse();
        assertThat(e.messageProperty().get()).isEqualTo("Saved " + path() + ".");
        FleetSettings onDisk = new SettingsFile(path()).load();
        assertThat(onDisk).isEqualTo(e.currentProperty().get());
        assertThat(onDisk.prices()).containsEntry("g5.2xlarge", 1.212);
        assertThat(onDisk.judgedTable()).containsOnlyKeys("NVIDIA-A10G");
        assertThat(onDisk.sessionsPerGpu().get("720p25")).containsEntry("Tesla-T4", 56);
    }

    @Test
    void aFileChangedElsewhereIsNotWrittenOverUntilSaveIsAskedAgain() throws Exception {
        SettingsEditor e = editor(FILE);
        e.setPrice("g5.2xlarge", "1.3");
        Files.writeString(path(), FILE.replace("0.752", "0.8"));
        e.save();
        assertThat(e.messageProperty().get()).isEqualTo("Not saved: " + path() + " was changed outside FleetDeck"
                + " since it was read. Revert loads that version; Save again writes yours over it. Your edits are"
                + " kept and in effect.");
        assertThat(e.dirtyProperty().get()).isTrue();
        assertThat(new SettingsFile(path()).load().prices()).containsEntry("g4dn.2xlarge", 0.8);

        e.save();
        assertThat(e.messageProperty().get()).isEqualTo("Saved " + path() + ".");
        assertThat(new SettingsFile(path()).load().prices()).containsEntry("g5.2xlarge", 1.3);
    }

    @Test
    void revertAfterAChangeElsewhereLoadsThatVersion() throws Exception {
        SettingsEditor e = editor(FILE);
        e.setPrice("g5.2xlarge", "1.3");
        Files.writeString(path(), FILE.replace("0.752", "0.8"));
        e.save();
        e.revert();
        assertThat(e.dirtyProperty().get()).isFalse();
        assertThat(e.currentProperty().get().prices()).containsEntry("g4dn.2xlarge", 0.8);
    }

    @Test
    void aFailedSaveIsShownAndTheEditsStay() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        SettingsEditor e = new SettingsEditor(TaskRunner.sameThread(), new SettingsFile(notADirectory.resolve("settings.yaml")));
        e.load();
        e.setPrice("g4dn.2xlarge", "0.9");
        e.save();
        assertThat(e.messageProperty().get()).startsWith("Not saved: ").endsWith("Your edits are kept and in effect.");
        assertThat(e.dirtyProperty().get()).isTrue();
        assertThat(e.busyProperty().get()).isFalse();
        assertThat(e.currentProperty().get().prices()).containsEntry("g4dn.2xlarge", 0.9);
    }

    @Test
    void aBrokenFileLeavesTheDefaultsInEffectAndIsNotWrittenOver() throws Exception {
        String broken = "prices:\n  g4dn.2xlarge: -2\n";
        SettingsEditor e = editor(broken);
        assertThat(e.problemProperty().get())
                .isEqualTo("Settings file " + path() + ": prices.g4dn.2xlarge must be a number of US$ per hour ≥ 0"
                        + " (e.g. 0.752), not -2. FleetDeck uses FIELD.md's defaults; the file is left as it is.");
        assertThat(e.currentProperty().get()).isEqualTo(FleetSettings.defaults());
        assertThat(e.dirtyProperty().get()).as("nothing to save until the operator edits").isFalse();
        e.save();
        assertThat(Files.readString(path())).isEqualTo(broken);

        e.setPrice("g4dn.2xlarge", "0.8");
        e.save();
        assertThat(e.problemProperty().get()).isEmpty();
        assertThat(e.messageProperty().get()).endsWith("The unreadable file was kept as settings.yaml.broken.");
        assertThat(Files.readString(dir.resolve("settings.yaml.broken"))).isEqualTo(broken);
        assertThat(new SettingsFile(path()).load().prices()).containsEntry("g4dn.2xlarge", 0.8);
    }

    @Test
    void theFleetsUnconfiguredKindsGetRowsThatCanBeFilledIn() throws Exception {
        SettingsEditor e = editor(FILE);
        e.setFleet(Set.of("g4dn.2xlarge", "g6.xlarge"), Set.of("Tesla-T4", "NVIDIA-L4"));
        assertThat(e.priceRows()).containsExactly(new PriceRow("g4dn.2xlarge", 0.752, true),
                new PriceRow("g6.xlarge", null, true));
        assertThat(e.densityRows()).containsExactly(new DensityRow("NVIDIA-A10G", 31, false),
                new DensityRow("NVIDIA-L4", null, true), new DensityRow("Tesla-T4", 28, true));

        assertThat(e.setPrice("g6.xlarge", "0.805")).isTrue();
        assertThat(e.setSessions("NVIDIA-L4", "20")).isTrue();
        assertThat(e.priceRows()).contains(new PriceRow("g6.xlarge", 0.805, true));
        assertThat(e.densityTargetsProperty().get().sessionsPerGpu("NVIDIA-L4-SHARED")).hasValue(20);

        assertThat(e.setPrice("g6.xlarge", "")).isTrue();
        assertThat(e.messageProperty().get()).startsWith("g6.xlarge is unpriced");
        assertThat(e.priceRows()).as("still in the fleet, so still a row").contains(new PriceRow("g6.xlarge", null, true));
    }

    @Test
    void unstoredSettingsAreEditedButNeverWritten() {
        SettingsEditor e = SettingsEditor.unstored(FleetSettings.defaults());
        e.setPrice("g4dn.2xlarge", "1");
        e.save();
        assertThat(e.messageProperty().get()).startsWith("Not saved: settings of this session only");
        assertThat(e.file()).isEmpty();
    }
}

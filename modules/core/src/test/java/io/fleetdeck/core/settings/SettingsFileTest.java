package io.fleetdeck.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsFileTest {
    static final String EXAMPLE = """
            # FleetDeck settings
            density:
              profile: 1080p25
              sessionsPerGpu:
                1080p25: {Tesla-T4: 28, NVIDIA-T4G: 28, NVIDIA-A10G: 31}
                720p25: {Tesla-T4: 56}
            prices:   # on-demand US$ per hour
              g4dn.2xlarge: 0.752
            """;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("fleetdeck").resolve("settings.yaml");
    }

    private SettingsFile write(String text) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);
        return new SettingsFile(file());
    }

    @Test
    void aFileChangedElsewhereSinceItWasReadIsNotWrittenOverUnlessAsked() throws Exception {
        SettingsFile f = write(EXAMPLE);
        FleetSettings mine = f.load().withPrice("g4dn.2xlarge", 0.9);
        Files.writeString(file(), EXAMPLE.replace("0.752", "0.8"));

        assertThatThrownBy(() -> f.save(mine)).isInstanceOf(SettingsFile.ChangedOnDisk.class)
                .hasMessage(file() + " was changed outside FleetDeck since it was read");
        assertThat(new SettingsFile(file()).load().prices()).as("theirs kept").containsEntry("g4dn.2xlarge", 0.8);

        f.save(mine, true);
        assertThat(new SettingsFile(file()).load().prices()).containsEntry("g4dn.2xlarge", 0.9);
        f.save(mine.withPrice("g5.2xlarge", 1.3));
        assertThat(new SettingsFile(file()).load().prices()).as("its own write is not a change by someone else")
                .containsEntry("g5.2xlarge", 1.3);
    }

    @Test
    void aFileCreatedElsewhereAfterReadingThatThereWasNoneIsAChangeToo() throws Exception {
        SettingsFile f = new SettingsFile(file());
        assertThat(f.read()).isEmpty();
        write(EXAMPLE);
        assertThatThrownBy(() -> f.save(FleetSettings.defaults())).isInstanceOf(SettingsFile.ChangedOnDisk.class);
    }

    @Test
    void noFileMeansTheDefaults() throws Exception {
        SettingsFile f = new SettingsFile(file());
        assertThat(f.read()).isEmpty();
        assertThat(f.load()).isEqualTo(FleetSettings.defaults());
        assertThat(write("").load()).as("empty").isEqualTo(FleetSettings.defaults());
        assertThat(write("# only a comment\n").load()).isEqualTo(FleetSettings.defaults());
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        FleetSettings s = write(EXAMPLE).load();
        assertThat(s.profile()).isEqualTo("1080p25");
        assertThat(s.sessionsPerGpu()).containsOnlyKeys("1080p25", "720p25");
        assertThat(s.sessionsPerGpu().get("720p25")).containsExactly(Map.entry("Tesla-T4", 56));
        assertThat(s.densityTargets().sessionsPerGpu("NVIDIA-A10G")).hasValue(31);
        assertThat(s.prices()).as("a prices section replaces the defaults").containsExactly(Map.entry("g4dn.2xlarge", 0.752));
        assertThat(s.costTable().dollarsPerHour("g5.2xlarge")).isEmpty();
    }

    @Test
    void absentSectionsKeepTheDefaults() throws Exception {
        FleetSettings s = write("prices:\n  g4dn.2xlarge: 1\n").load();
        assertThat(s.prices()).containsExactly(Map.entry("g4dn.2xlarge", 1.0));
        assertThat(s.sessionsPerGpu()).isEqualTo(FleetSettings.defaults().sessionsPerGpu());
        FleetSettings t = write("density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: 20}\n").load();
        assertThat(t.profile()).isEqualTo("1080p25");
        assertThat(t.judgedTable()).containsExactly(Map.entry("Tesla-T4", 20));
        assertThat(t.prices()).isEqualTo(FleetSettings.defaults().prices());
    }

    @Test
    void saveThenLoadGivesTheSameSettingsAndKeepsUnknownTopLevelKeys() throws Exception {
        SettingsFile f = write(EXAMPLE + "theme: light\nwall:\n  columns: 4\n");
        FleetSettings edited = f.load().withPrice("g5.2xlarge", 1.5).withSessionsPerGpu("720p25", "NVIDIA-A10G", 62)
                .withProfile("720p25");
        f.save(edited);
        FleetSettings again = f.load();
        assertThat(again).isEqualTo(edited);
        assertThat(again.otherKeys()).containsEntry("theme", "light").containsEntry("wall", Map.of("columns", 4));
        String text = Files.readString(file());
        assertThat(text).startsWith("# FleetDeck settings.").contains("  profile: 720p25\n")
                .contains("    720p25:\n      Tesla-T4: 56\n      NVIDIA-A10G: 62\n").contains("  g5.2xlarge: 1.5\n")
                .contains("theme: light\n");
        assertThat(SettingsYaml.parse(SettingsYaml.format(FleetSettings.defaults()))).isEqualTo(FleetSettings.defaults());
    }

    @Test
    void saveCreatesTheDirectoryAndLeavesNoTemporaryFiles() throws Exception {
        SettingsFile f = new SettingsFile(file());
        assertThat(f.save(FleetSettings.defaults())).isEmpty();
        assertThat(f.load()).isEqualTo(FleetSettings.defaults());
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.yaml");
        }
    }

    @Test
    void aFailedSaveLeavesTheOldFileWhole() throws Exception {
        write(EXAMPLE);
        SettingsFile failing = new SettingsFile(file(), written -> {
            assertThat(Files.readString(written)).contains("g4dn.2xlarge: 9.0");
            throw new IOException("No space left on device");
        });
        assertThatThrownBy(() -> failing.save(FleetSettings.defaults().withPrice("g4dn.2xlarge", 9.0)))
                .hasMessage("No space left on device");
        assertThat(Files.readString(file())).isEqualTo(EXAMPLE);
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.yaml");
        }
    }

    @Test
    void aSaveWhereTheDirectoryCannotBeMadeFailsAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("fleetdeck"), "a file, not a directory");
        SettingsFile f = new SettingsFile(file());
        assertThatThrownBy(() -> f.save(FleetSettings.defaults())).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(SettingsFile.describe((IOException) e)).contains("fleetdeck"));
    }

    @Test
    void savingOverAnUnreadableFileKeepsItBeside() throws Exception {
        String broken = "density:\n  profile: [\n";
        SettingsFile f = write(broken);
        assertThat(f.save(FleetSettings.defaults())).contains(file().resolveSibling("settings.yaml.broken"));
        assertThat(Files.readString(file().resolveSibling("settings.yaml.broken"))).isEqualTo(broken);
        assertThat(f.load()).isEqualTo(FleetSettings.defaults());
    }

    @Test
    void aLinkedFileStaysLinked() throws Exception {
        Path real = dir.resolve("dotfiles").resolve("fleetdeck.yaml");
        Files.createDirectories(real.getParent());
        Files.writeString(real, EXAMPLE);
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), real);
        new SettingsFile(file()).save(FleetSettings.defaults());
        assertThat(Files.isSymbolicLink(file())).isTrue();
        assertThat(new SettingsFile(real).load()).isEqualTo(FleetSettings.defaults());
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndTheLine() throws Exception {
        SettingsFile f = write("density:\n  profile: 1080p25\n  sessionsPerGpu: {Tesla-T4: 28\nprices: {}\n");
        assertThatThrownBy(f::load).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Settings file " + file() + ": not valid YAML: line 4, column")
                .hasMessageEndingWith("(while parsing a flow mapping that starts on line 3)");
        assertThat(Files.readString(file())).as("left as it is").contains("{Tesla-T4: 28\n");
    }

    static List<String[]> badFiles() {
        return List.of(
                new String[]{"- density\n", "the top level must be a mapping (key: value lines), not a list"},
                new String[]{"density: 28\n", "density must be a mapping (key: value lines), not 28"},
                new String[]{"density:\n  sessionsPerGpu: [28]\n", "density.sessionsPerGpu must be a mapping"},
                new String[]{"density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: '28'}\n",
                        "density.sessionsPerGpu.1080p25.Tesla-T4 must be a whole number of at least 1, not the text '28'"},
                new String[]{"density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: 28.5}\n",
                        "density.sessionsPerGpu.1080p25.Tesla-T4 must be a whole number of at least 1, not 28.5"},
                new String[]{"density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: 0}\n",
                        "density.sessionsPerGpu.1080p25.Tesla-T4 must be a whole number of at least 1, not 0"},
                new String[]{"density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: 99999999999}\n",
                        "density.sessionsPerGpu.1080p25.Tesla-T4 is too large: 99999999999"},
                new String[]{"prices:\n  g4dn.2xlarge: -0.1\n", "prices.g4dn.2xlarge must be a number of US$ per hour ≥ 0 (e.g. 0.752), not -0.1"},
                new String[]{"prices:\n  g4dn.2xlarge: .nan\n", "prices.g4dn.2xlarge must be a number of US$ per hour ≥ 0 (e.g. 0.752), not NaN"},
                new String[]{"prices:\n  g4dn.2xlarge: .inf\n", "prices.g4dn.2xlarge must be a number"},
                new String[]{"prices:\n  g4dn.2xlarge: cheap\n", "not the text 'cheap'"},
                new String[]{"prices:\n  g4dn.2xlarge:\n", "prices.g4dn.2xlarge must be a number of US$ per hour ≥ 0 (e.g. 0.752), not nothing"},
                new String[]{"prices:\n  g4dn.2xlarge: true\n", "not true (a true/false value)"},
                new String[]{"density:\n  profile: 720p30\n",
                        "density.profile '720p30' has no table under density.sessionsPerGpu; configured: 1080p25"},
                new String[]{"density:\n  profile: [1080p25]\n", "density.profile must be a profile name (e.g. 1080p25), not a list"},
                new String[]{"density:\n  sessionPerGpu: {}\n",
                        "density.sessionPerGpu is not a setting: expected density.profile or density.sessionsPerGpu"},
                new String[]{"prices:\n  g5.2xlarge: 1\n  g5.2xlarge: 2\n", "not valid YAML: line 3, column 3: found duplicate key g5.2xlarge"},
                new String[]{"density:\n  sessionsPerGpu:\n    1080p25: {Tesla-T4: 28, NVIDIA-T4: 30}\n",
                        "density.sessionsPerGpu.1080p25.NVIDIA-T4 names the same GPU as Tesla-T4: keep one of them"});
    }

    @Test
    void eachKindOfBadValueIsNamedByItsKey() throws Exception {
        for (String[] bad : badFiles()) {
            SettingsFile f = write(bad[0]);
            assertThatThrownBy(f::load).as(bad[0]).isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("Settings file " + file() + ": ")
                    .hasMessageContaining(bad[1]);
        }
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), new byte[]{'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> new SettingsFile(file()).load()).hasMessageEndingWith(": not UTF-8 text");
    }

    @Test
    void theDefaultPathFollowsXdg() {
        assertThat(SettingsFile.defaultPath(null, "/cfg", "/home/op")).isEqualTo(Path.of("/cfg/fleetdeck/settings.yaml"));
        assertThat(SettingsFile.defaultPath(null, "", "/home/op"))
                .isEqualTo(Path.of("/home/op/.config/fleetdeck/settings.yaml"));
        assertThat(SettingsFile.defaultPath(null, "relative/cfg", "/home/op")).as("ignored, as the XDG spec says")
                .isEqualTo(Path.of("/home/op/.config/fleetdeck/settings.yaml"));
        assertThat(SettingsFile.defaultPath("/tmp/fd", "/cfg", "/home/op")).isEqualTo(Path.of("/tmp/fd/settings.yaml"));
    }
}

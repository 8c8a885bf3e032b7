package io.fleetdeck.core.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The settings file, {@code $XDG_CONFIG_HOME/fleetdeck/settings.yaml} (else {@code ~/.config/fleetdeck/}).
 * No file means the defaults. A file that cannot be used is reported and never written over unnoticed: saving
 * over it first keeps it beside as {@code settings.yaml.broken}. Saves are atomic: the new text is written to a
 * temporary file in the same directory and renamed over the old one, so a failed save leaves the old file whole.
 * A file changed by someone else since this object read or wrote it is not written over unless asked
 * ({@link ChangedOnDisk}), as a ConfigMap edit is refused at a stale resourceVersion.
 */
public final class SettingsFile {
    public static final String FILE_NAME = "settings.yaml";
    /** Overrides the directory, as {@code fleetdeck.state.dir} does for the audit log (tests, portable installs). */
    public static final String DIR_PROPERTY = "fleetdeck.config.dir";
    private static final long MAX_BYTES = 1 << 20;

    /** Runs between writing the temporary file and renaming it: lets tests fail a save at its last step. */
    interface BeforeReplace {
        void run(Path written) throws IOException;
    }

    /** The file was changed outside this process since it was read or written here; nothing was written. */
    public static final class ChangedOnDisk extends IOException {
        public ChangedOnDisk(Path file) {
            super(file + " was changed outside FleetDeck since it was read");
        }
    }

    private static final String ABSENT = "absent";

    private final Path path;
    private final BeforeReplace beforeReplace;
    /** A digest of the file as last read or written here; null before the first read. */
    private volatile String seen;

    public SettingsFile(Path path) {
        this(path, written -> { });
    }

    SettingsFile(Path path, BeforeReplace beforeReplace) {
        this.path = path;
        this.beforeReplace = beforeReplace;
    }

    /** {@code -Dfleetdeck.config.dir}, else {@code $XDG_CONFIG_HOME/fleetdeck}, else {@code ~/.config/fleetdeck}. */
    public static Path defaultPath() {
        return defaultPath(System.getProperty(DIR_PROPERTY), System.getenv("XDG_CONFIG_HOME"),
                System.getProperty("user.home"));
    }

    static Path defaultPath(String dirOverride, String xdgConfigHome, String home) {
        if (dirOverride != null && !dirOverride.isBlank()) {
            return Path.of(dirOverride, FILE_NAME);
        }
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if (xdgConfigHome != null && !xdgConfigHome.isBlank() && Path.of(xdgConfigHome).isAbsolute()) {
            return Path.of(xdgConfigHome, "fleetdeck", FILE_NAME);
        }
        return Path.of(home, ".config", "fleetdeck", FILE_NAME);
    }

    public Path path() {
        return path;
    }

    /** The file's settings, or empty when there is no file. */
    public Optional<FleetSettings> read() throws SettingsException {
        seen = digest(path);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SettingsYaml.parse(readText(path)));
        } catch (SettingsYaml.InvalidSettings e) {
            throw new SettingsException(path, e.getMessage());
        }
    }

    /** The file's settings, or the defaults when there is no file. */
    public FleetSettings load() throws SettingsException {
        return read().orElseGet(FleetSettings::defaults);
    }

    /**
     * Writes the settings atomically (through a symbolic link to the file it names, so linked dotfiles stay
     * linked). Returns where an unreadable file that was there has been kept.
     *
     * @throws ChangedOnDisk when the file changed since it was read or written here (nothing written)
     * @throws IOException when nothing was written; the old file is then unchanged
     */
    public Optional<Path> save(FleetSettings settings) throws IOException {
        return save(settings, false);
    }

    /** As {@link #save(FleetSettings)}; {@code overwriteChanges} writes over a file someone else changed. */
    public Optional<Path> save(FleetSettings settings, boolean overwriteChanges) throws IOException {
        Path target = Files.isSymbolicLink(path) && Files.exists(path) ? path.toRealPath() : path.toAbsolutePath();
        if (!overwriteChanges && seen != null && !seen.equals(digest(target))) {
            throw new ChangedOnDisk(path);
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Optional<Path> kept = keepIfUnreadable(target);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            copyPermissions(target, temp);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(SettingsYaml.format(settings).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            beforeReplace.run(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        seen = digest(target);
        return kept;
    }

    /** SHA-256 of the file's bytes ("absent" when there is none, unreadable files by their error). */
    private static String digest(Path file) {
        if (!Files.exists(file)) {
            return ABSENT;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "unreadable: " + describe(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** "permission denied", "no such file or directory", … with the path: for messages after a failed save. */
    public static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case NoSuchFileException n -> "no such file or directory: " + n.getFile();
            case FileSystemException f when f.getReason() != null -> f.getReason() + ": " + f.getFile();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    private static String readText(Path file) throws SettingsYaml.InvalidSettings {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SettingsYaml.InvalidSettings("larger than 1 MiB: not a FleetDeck settings file");
            }
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new SettingsYaml.InvalidSettings("not UTF-8 text");
        } catch (IOException e) {
            throw new SettingsYaml.InvalidSettings("cannot be read: " + describe(e));
        }
    }

    private static Optional<Path> keepIfUnreadable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        try {
            SettingsYaml.parse(readText(target));
            return Optional.empty();
        } catch (SettingsYaml.InvalidSettings e) {
            Path kept = target.resolveSibling(target.getFileName() + ".broken");
            Files.copy(target, kept, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(kept);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (source != null && Files.exists(from)) {
            Files.setPosixFilePermissions(to, source.readAttributes().permissions());
        }
    }
}

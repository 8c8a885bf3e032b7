package io.fleetdeck.core.settings;

import java.nio.file.Path;

/** A settings file FleetDeck cannot use; the message names the file, the key or line, and what is wrong. */
public final class SettingsException extends Exception {
    private final Path file;

    public SettingsException(Path file, String problem) {
        super("Settings file " + file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

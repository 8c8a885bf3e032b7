package io.fleetdeck.app;

import io.fleetdeck.app.theme.Theme;

import java.nio.file.Path;

/** What the command line asked of the console. */
public record ConsoleOptions(Path kubeconfig, String context, boolean demo, int demoNodes, Theme theme) {
}

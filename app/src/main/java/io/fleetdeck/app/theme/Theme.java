package io.fleetdeck.app.theme;

import javafx.scene.Scene;

import java.util.Objects;

/** The dark NOC theme and the light one: the same rules over different colour tokens. */
public enum Theme {
    DARK("theme/tokens-dark.css"),
    LIGHT("theme/tokens-light.css");

    private static final String BASE = "theme/fleetdeck.css";
    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(url(tokens), url(BASE));
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    private static String url(String path) {
        return Objects.requireNonNull(Theme.class.getResource("/io/fleetdeck/assets/" + path),
                "missing stylesheet " + path).toExternalForm();
    }
}

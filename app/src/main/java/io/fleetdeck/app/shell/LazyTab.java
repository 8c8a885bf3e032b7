package io.fleetdeck.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A feature tab whose view is built the first time it is opened: the window shows (and connects) sooner,
 * and a screen nobody opens costs nothing. {@code onShown} hears every show and hide once the view exists.
 */
final class LazyTab<T extends Node> {
    private final Tab tab;
    private T view;

    LazyTab(String title, String id, Supplier<T> make, BiConsumer<T, Boolean> onShown) {
        tab = new Tab(title);
        tab.setId(id);
        tab.setClosable(false);
        tab.selectedProperty().addListener((o, a, shown) -> {
            if (shown && view == null) {
                view = make.get();
                tab.setContent(view);
            }
            if (view != null) {
                onShown.accept(view, shown);
            }
        });
    }

    Tab tab() {
        return tab;
    }
}

package io.fleetdeck.app.fx;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Blocking work on a virtual thread; the callback on the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Thread.ofVirtual().name("fleetdeck-task").start(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }
}

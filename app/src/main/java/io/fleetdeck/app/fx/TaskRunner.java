package io.fleetdeck.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work off the UI thread and hands the result back on it. View-models depend on this
 * interface; tests use {@link #sameThread()}.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs the work and the callbacks at once on the caller's thread. */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}

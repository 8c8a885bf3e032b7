package io.fleetdeck.app.encodelab;

import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.EncoderChoice;

import java.util.function.Supplier;

/**
 * Makes the real engine on first use. Creating it loads FFmpeg's native libraries, which must not happen on
 * the UI thread while the window is being built; the lab only calls the engine from background tasks.
 */
public final class LazyEncodeEngine implements EncodeEngine {
    private final Supplier<EncodeEngine> factory;
    private volatile EncodeEngine engine;

    public LazyEncodeEngine(Supplier<EncodeEngine> factory) {
        this.factory = factory;
    }

    private EncodeEngine engine() {
        EncodeEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = factory.get();
                }
                e = engine;
            }
        }
        return e;
    }

    @Override
    public EncoderChoice probe(EncodeProfile profile) {
        return engine().probe(profile);
    }

    @Override
    public EncodeSession start(EncodeRequest request) throws EncodeException {
        return engine().start(request);
    }
}

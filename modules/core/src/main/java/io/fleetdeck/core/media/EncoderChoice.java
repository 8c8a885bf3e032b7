package io.fleetdeck.core.media;

import java.util.List;

/**
 * The outcome of walking the encoder ladder: the encoder that opened and, for every one tried before it,
 * why it was passed over. The reasons are what an operator needs to fix a node ("no NVIDIA device").
 *
 * @param encoder  FFmpeg encoder name that opened, e.g. {@code libx264}
 * @param hardware whether it runs on an accelerator (NVENC, VAAPI, QSV)
 */
public record EncoderChoice(String encoder, boolean hardware, List<Rejection> rejected) {
    public EncoderChoice {
        rejected = List.copyOf(rejected);
    }

    /** One rung of the ladder that did not open, and why (a local check or FFmpeg's own error text). */
    public record Rejection(String encoder, String reason) {
        @Override
        public String toString() {
            return encoder + ": " + reason;
        }
    }
}

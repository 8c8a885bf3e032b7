package io.fleetdeck.core.media;

/** Encodes test streams locally, on whatever encoder this machine offers. */
public interface EncodeEngine {
    /** Walks the encoder ladder for {@code profile} without encoding anything: what would be used here, and why. */
    EncoderChoice probe(EncodeProfile profile);

    /** Opens the source, the encoder and the output, then encodes on a thread of its own until stopped or done. */
    EncodeSession start(EncodeRequest request) throws EncodeException;
}

package io.fleetdeck.nvml;

/** NVML cannot be used on this machine; the message is the sentence shown to the user. */
final class NvmlUnavailableException extends RuntimeException {
    NvmlUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}

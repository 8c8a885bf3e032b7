package io.fleetdeck.core.media;

/** What a preview tile shows about its stream; every state has words, not only a colour. */
public enum PreviewState {
    CONNECTING("Connecting"),
    PLAYING("Playing"),
    FROZEN("Frozen picture"),
    BLACK("Black picture"),
    LOST("Stream lost"),
    STOPPED("Stopped");

    private final String label;

    PreviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States an operator must look at. */
    public boolean isAlarm() {
        return this == FROZEN || this == BLACK || this == LOST;
    }
}

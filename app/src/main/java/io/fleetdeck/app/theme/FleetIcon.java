package io.fleetdeck.app.theme;

import org.kordamp.ikonli.javafx.FontIcon;

/** Meanings mapped to Material Design icons; size and colour come from CSS. */
public enum FleetIcon {
    READY("mdi2c-check-circle"),
    NOT_READY("mdi2a-alert-octagon"),
    UNKNOWN("mdi2h-help-circle"),
    CORDONED("mdi2c-cancel"),
    DRAINING("mdi2w-water-outline"),
    DRIVER_PROBLEM("mdi2c-chip"),
    GPU("mdi2e-expansion-card"),
    FPGA("mdi2c-chip"),
    CLUSTER("mdi2k-kubernetes"),
    CONNECTED("mdi2l-lan-connect"),
    DISCONNECTED("mdi2l-lan-disconnect"),
    SEARCH("mdi2m-magnify"),
    TABLE("mdi2t-table"),
    TILES("mdi2v-view-grid"),
    THEME("mdi2t-theme-light-dark"),
    REFRESH("mdi2r-refresh"),
    WARNING("mdi2a-alert");

    private final String literal;

    FleetIcon(String literal) {
        this.literal = literal;
    }

    public String literal() {
        return literal;
    }

    public FontIcon create() {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("fd-icon");
        return icon;
    }
}

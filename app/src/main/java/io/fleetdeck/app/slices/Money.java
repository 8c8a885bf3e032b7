package io.fleetdeck.app.slices;

import java.util.Locale;

/** Dollar amounts as the density table in FIELD.md writes them. */
final class Money {
    private Money() {
    }

    static String perHour(double dollars) {
        return dollars == 0 ? "—" : String.format(Locale.ROOT, "$%.3f", dollars);
    }

    static String perSessionHour(double dollars) {
        return Double.isNaN(dollars) || Double.isInfinite(dollars) ? "—" : String.format(Locale.ROOT, "$%.3f", dollars);
    }
}

package io.fleetdeck.sim.api.table;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Ages the way the API server prints them in AGE cells: about two significant figures
 * ({@code 45s}, {@code 3m20s}, {@code 17h}, {@code 4d12h}, {@code 9d}, {@code 2y30d}).
 */
public final class Ages {
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;

    private Ages() {
    }

    /** The age of a timestamp, {@code <unknown>} when it is missing or unreadable. */
    public static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isEmpty()) {
            return "<unknown>";
        }
        try {
            return human(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    public static String human(Duration d) {
        long seconds = d.toMillis() / 1000;
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return withRest(minutes, "m", seconds % 60, "s");
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = seconds / HOUR;
        if (hours < 8) {
            return withRest(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = seconds / DAY;
        if (days < 8) {
            return withRest(days, "d", hours % 24, "h");
        }
        if (days < 2 * 365) {
            return days + "d";
        }
        long years = seconds / YEAR;
        if (years < 8) {
            return withRest(years, "y", days % 365, "d");
        }
        return years + "y";
    }

    private static String withRest(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}

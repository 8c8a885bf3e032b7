package io.fleetdeck.core.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Parses Kubernetes resource quantities ("8", "500m", "32Gi", "1.5k").
 * Extended resources such as {@code nvidia.com/gpu} are always whole numbers.
 */
public final class Quantities {
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {
    }

    /** The value in base units, or {@code null} when the text is not a quantity. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        String number = s.substring(0, end);
        String suffix = s.substring(end);
        try {
            BigDecimal value = new BigDecimal(number);
            if (suffix.isEmpty()) {
                return value;
            }
            BigDecimal factor = SUFFIXES.get(suffix);
            return factor == null ? null : value.multiply(factor);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whole units (rounded down), 0 when missing or malformed. */
    public static long parseCount(String text) {
        BigDecimal v = parse(text);
        return v == null ? 0 : v.longValue();
    }

    /** Human text for bytes: "31.4 GiB". */
    public static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[i]);
    }
}

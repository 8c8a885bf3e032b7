package io.fleetdeck.core.capacity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** On-demand dollars per hour by instance type; unknown types are left unpriced rather than guessed. */
public final class CostTable {
    /** FIELD.md's measured instances, plus vt1.3xlarge (AWS's FPGA video transcoding instance, on demand). */
    public static final Map<String, Double> DEFAULT_PRICES = Map.of("g4dn.2xlarge", 0.752, "g5.2xlarge", 1.212,
            "g5g.2xlarge", 0.556, "vt1.3xlarge", 0.65);

    private final Map<String, Double> byInstanceType = new HashMap<>();

    public CostTable(Map<String, Double> dollarsPerHourByInstanceType) {
        dollarsPerHourByInstanceType.forEach((type, price) -> {
            if (price == null || !(price >= 0) || price.isInfinite()) {
                throw new IllegalArgumentException("price of " + type + " must be a finite number ≥ 0");
            }
            byInstanceType.put(key(type), price);
        });
    }

    public static CostTable defaults() {
        return new CostTable(DEFAULT_PRICES);
    }

    public OptionalDouble dollarsPerHour(String instanceType) {
        if (instanceType == null || instanceType.isBlank()) {
            return OptionalDouble.empty();
        }
        Double p = byInstanceType.get(key(instanceType));
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    /** Instance types are matched without regard to case or surrounding blanks: equal keys name the same type. */
    public static String key(String instanceType) {
        return instanceType.trim().toLowerCase(Locale.ROOT);
    }
}

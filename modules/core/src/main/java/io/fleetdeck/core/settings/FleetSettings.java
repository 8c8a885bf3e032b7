package io.fleetdeck.core.settings;

import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's density and cost settings: sessions per GPU by encoding profile and GPU product, the profile
 * the fleet is judged against, and on-demand dollars per hour by instance type. No node label tells NVENC
 * capacity (FIELD.md), so these figures are configured. Immutable; maps keep the order they were given in.
 *
 * @param profile        the profile {@link #densityTargets()} judges nodes against, e.g. {@code 1080p25}
 * @param sessionsPerGpu profile → GPU product → sessions one GPU encodes at that profile
 * @param prices         instance type → on-demand US$ per hour
 * @param otherKeys      top-level keys of the settings file that FleetDeck does not read; written back unchanged
 */
public record FleetSettings(String profile, Map<String, Map<String, Integer>> sessionsPerGpu,
                            Map<String, Double> prices, Map<String, Object> otherKeys) {

    /**
     * Checks every figure; the message names the key, as the settings file spells it.
     *
     * @throws IllegalArgumentException when a figure is out of range or the judged profile has no table
     */
    public FleetSettings {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("density.profile is empty: name the profile to judge, e.g. "
                    + DensityTargets.DEFAULT_PROFILE);
        }
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        sessionsPerGpu.forEach((p, table) -> tables.put(p, Collections.unmodifiableMap(checkedTable(p, table))));
        if (!tables.containsKey(profile)) {
            throw new IllegalArgumentException("density.profile '" + profile + "' has no table under"
                    + " density.sessionsPerGpu" + (tables.isEmpty() ? "" : "; configured: "
                    + String.join(", ", tables.keySet())));
        }
        sessionsPerGpu = Collections.unmodifiableMap(tables);
        prices = Collections.unmodifiableMap(checkedPrices(prices));
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
    }

    /** FIELD.md's measured figures: T4 and T4G 28, A10G 31 sessions at 1080p25; g4dn, g5, g5g and vt1 prices. */
    public static FleetSettings defaults() {
        return new FleetSettings(DensityTargets.DEFAULT_PROFILE,
                Map.of(DensityTargets.DEFAULT_PROFILE, new TreeMap<>(DensityTargets.DEFAULT_SESSIONS_PER_GPU)),
                new TreeMap<>(CostTable.DEFAULT_PRICES), Map.of());
    }

    /** The judged profile's sessions per GPU, for the capacity maths. */
    public DensityTargets densityTargets() {
        return new DensityTargets(profile, sessionsPerGpu.get(profile));
    }

    public CostTable costTable() {
        return new CostTable(prices);
    }

    /** The judged profile's table: GPU product → sessions per GPU. */
    public Map<String, Integer> judgedTable() {
        return sessionsPerGpu.get(profile);
    }

    /** The same settings judged against another configured profile. */
    public FleetSettings withProfile(String judged) {
        return new FleetSettings(judged, sessionsPerGpu, prices, otherKeys);
    }

    /** Sets (or, with {@code null}, removes) one product's sessions per GPU at {@code forProfile}. */
    public FleetSettings withSessionsPerGpu(String forProfile, String product, Integer sessions) {
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>(sessionsPerGpu);
        Map<String, Integer> table = new LinkedHashMap<>(tables.getOrDefault(forProfile, Map.of()));
        if (sessions == null) {
            table.remove(product);
        } else {
            table.put(product, sessions);
        }
        tables.put(forProfile, table);
        return new FleetSettings(profile, tables, prices, otherKeys);
    }

    /** Sets (or, with {@code null}, removes) one instance type's price. */
    public FleetSettings withPrice(String instanceType, Double dollarsPerHour) {
        Map<String, Double> next = new LinkedHashMap<>(prices);
        if (dollarsPerHour == null) {
            next.remove(instanceType);
        } else {
            next.put(instanceType, dollarsPerHour);
        }
        return new FleetSettings(profile, sessionsPerGpu, next, otherKeys);
    }

    private static Map<String, Integer> checkedTable(String profile, Map<String, Integer> table) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("density.sessionsPerGpu has a profile without a name");
        }
        // Two spellings of one GPU (Tesla-T4 and NVIDIA-T4) would silently override each other.
        Map<String, String> spelled = new HashMap<>();
        Map<String, Integer> copy = new LinkedHashMap<>();
        table.forEach((product, sessions) -> {
            String key = "density.sessionsPerGpu." + profile + "." + product;
            if (product == null || product.isBlank()) {
                throw new IllegalArgumentException("density.sessionsPerGpu." + profile + " has a GPU product without a name");
            }
            if (sessions == null || sessions < 1) {
                throw new IllegalArgumentException(key + " must be a whole number of at least 1, not " + sessions);
            }
            String other = spelled.put(DensityTargets.normalise(product), product);
            if (other != null) {
                throw new IllegalArgumentException(key + " names the same GPU as " + other + ": keep one of them");
            }
            copy.put(product, sessions);
        });
        return copy;
    }

    private static Map<String, Double> checkedPrices(Map<String, Double> prices) {
        Map<String, String> spelled = new HashMap<>();
        Map<String, Double> copy = new LinkedHashMap<>();
        prices.forEach((type, price) -> {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("prices has an instance type without a name");
            }
            if (price == null || !(price >= 0) || price.isInfinite()) {
                throw new IllegalArgumentException("prices." + type + " must be a number of US$ per hour ≥ 0, not "
                        + price);
            }
            String other = spelled.put(CostTable.key(type), type);
            if (other != null) {
                throw new IllegalArgumentException("prices." + type + " names the same instance type as " + other
                        + ": keep one of them");
            }
            copy.put(type, price);
        });
        return copy;
    }
}

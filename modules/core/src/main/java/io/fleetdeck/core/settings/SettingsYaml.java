package io.fleetdeck.core.settings;

import io.fleetdeck.core.capacity.DensityTargets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings file's YAML: read with snakeyaml's SafeConstructor (plain maps, lists and scalars only), every
 * value checked with its key in the message. A section that is present replaces the defaults as a whole, so a
 * product or price can be removed; an absent section keeps the defaults. Top-level keys FleetDeck does not know
 * are kept and written back; unknown keys under {@code density} are refused, as they are most likely typos.
 */
final class SettingsYaml {
    static final String DENSITY = "density";
    static final String PROFILE = "profile";
    static final String SESSIONS_PER_GPU = "sessionsPerGpu";
    static final String PRICES = "prices";
    static final String HEADER = """
            # FleetDeck settings. density.sessionsPerGpu: NVENC sessions one GPU encodes, by profile and GPU
            # product (nvidia.com/gpu.product); density.profile: the profile nodes are judged against.
            # prices: on-demand US$ per hour by instance type. Written by FleetDeck: comments are not kept.
            """;

    private SettingsYaml() {
    }

    /** A problem with the text; the message names the line or the key. */
    static final class InvalidSettings extends Exception {
        InvalidSettings(String message) {
            super(message);
        }
    }

    static FleetSettings parse(String text) throws InvalidSettings {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            // An unclosed bracket is found lines later: name where the construct it belongs to starts.
            Mark start = e.getContextMark();
            String context = e.getContext() != null && start != null && mark != null && start.getLine() != mark.getLine()
                    ? " (" + e.getContext() + " that starts on line " + (start.getLine() + 1) + ")" : "";
            throw new InvalidSettings("not valid YAML: " + where + (e.getProblem() != null ? e.getProblem() : e.getMessage())
                    + context);
        } catch (YAMLException e) {
            throw new InvalidSettings("not valid YAML: " + e.getMessage());
        }
        FleetSettings defaults = FleetSettings.defaults();
        if (root == null) {
            return defaults;
        }
        Map<String, Object> top = mapping(root, "the top level");
        String profile = defaults.profile();
        Map<String, Map<String, Integer>> tables = defaults.sessionsPerGpu();
        Map<String, Object> density = top.get(DENSITY) == null ? Map.of() : mapping(top.get(DENSITY), DENSITY);
        for (Map.Entry<String, Object> e : density.entrySet()) {
            switch (e.getKey()) {
                case PROFILE -> profile = text(e.getValue(), DENSITY + "." + PROFILE);
                case SESSIONS_PER_GPU -> tables = tables(e.getValue());
                default -> throw new InvalidSettings(DENSITY + "." + e.getKey() + " is not a setting: expected "
                        + DENSITY + "." + PROFILE + " or " + DENSITY + "." + SESSIONS_PER_GPU);
            }
        }
        Map<String, Double> prices = top.containsKey(PRICES) ? prices(top.get(PRICES)) : defaults.prices();
        Map<String, Object> others = new LinkedHashMap<>(top);
        others.keySet().removeAll(List.of(DENSITY, PRICES));
        try {
            return new FleetSettings(profile, tables, prices, others);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettings(e.getMessage());
        }
    }

    static String format(FleetSettings s) {
        Map<String, Object> density = new LinkedHashMap<>();
        density.put(PROFILE, s.profile());
        density.put(SESSIONS_PER_GPU, s.sessionsPerGpu());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(DENSITY, density);
        root.put(PRICES, s.prices());
        root.putAll(s.otherKeys());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return HEADER + new Yaml(new Representer(options), options).dump(root);
    }

    private static Map<String, Map<String, Integer>> tables(Object value) throws InvalidSettings {
        String at = DENSITY + "." + SESSIONS_PER_GPU;
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> byProfile : mapping(value, at).entrySet()) {
            String profileAt = at + "." + byProfile.getKey();
            Map<String, Integer> table = new LinkedHashMap<>();
            Object products = byProfile.getValue();
            for (Map.Entry<String, Object> p : (products == null ? Map.<String, Object>of() : mapping(products, profileAt)).entrySet()) {
                table.put(p.getKey(), sessions(p.getValue(), profileAt + "." + p.getKey()));
            }
            tables.put(byProfile.getKey(), table);
        }
        return tables;
    }

    private static int sessions(Object value, String key) throws InvalidSettings {
        if (value instanceof Integer i && i >= 1) {
            return i;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            throw new InvalidSettings(key + " is too large: " + value);
        }
        throw new InvalidSettings(key + " must be a whole number of at least 1, not " + describe(value));
    }

    private static Map<String, Double> prices(Object value) throws InvalidSettings {
        Map<String, Double> prices = new LinkedHashMap<>();
        if (value == null) {
            return prices;
        }
        for (Map.Entry<String, Object> e : mapping(value, PRICES).entrySet()) {
            String key = PRICES + "." + e.getKey();
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
                throw new InvalidSettings(key + " must be a number of US$ per hour ≥ 0 (e.g. 0.752), not "
                        + describe(e.getValue()));
            }
            prices.put(e.getKey(), n.doubleValue());
        }
        return prices;
    }

    private static String text(Object value, String key) throws InvalidSettings {
        if (value instanceof String || value instanceof Number) {
            return String.valueOf(value);
        }
        throw new InvalidSettings(key + " must be a profile name (e.g. " + DensityTargets.DEFAULT_PROFILE + "), not "
                + describe(value));
    }

    /** A mapping with text keys (a number or true/false as a key is taken as its text). */
    private static Map<String, Object> mapping(Object value, String key) throws InvalidSettings {
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidSettings(key + " must be a mapping (key: value lines), not " + describe(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() == null || e.getKey() instanceof Map<?, ?> || e.getKey() instanceof List<?>) {
                throw new InvalidSettings(key + " has a key that is not a name: " + describe(e.getKey()));
            }
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> _ -> "a mapping";
            case List<?> _ -> "a list";
            case String s -> "the text '" + s + "'";
            case Boolean b -> b + " (a true/false value)";
            default -> String.valueOf(value);
        };
    }
}

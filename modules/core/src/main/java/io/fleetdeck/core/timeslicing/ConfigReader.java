package io.fleetdeck.core.timeslicing;

import io.fleetdeck.core.timeslicing.DevicePluginConfig.InvalidConfigException;
import io.fleetdeck.core.timeslicing.DevicePluginConfig.ReplicatedResource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from snakeyaml's plain maps and lists, with the config path in every message. */
final class ConfigReader {
    private ConfigReader() {
    }

    static Map<?, ?> mapping(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new InvalidConfigException(path + " must be a mapping, not " + describe(value));
    }

    static Map<?, ?> optionalMapping(Object value, String path) {
        return value == null ? null : mapping(value, path);
    }

    static String string(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new InvalidConfigException(path + " must be a text value, not " + describe(value));
        }
        return String.valueOf(value);
    }

    static Boolean bool(Object value, String path) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidConfigException(path + " must be true or false, not " + describe(value));
    }

    static Integer integer(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            throw new InvalidConfigException(path + " is too large: " + value);
        }
        throw new InvalidConfigException(path + " must be a whole number, not " + describe(value));
    }

    static List<ReplicatedResource> resources(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidConfigException(path + " must be a list, not " + describe(value));
        }
        List<ReplicatedResource> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Map<?, ?> m = mapping(list.get(i), at);
            out.add(new ReplicatedResource(string(m.get("name"), at + ".name"), string(m.get("rename"), at + ".rename"),
                    integer(m.get("replicas"), at + ".replicas"), devices(m.get("devices"), at + ".devices")));
        }
        return out;
    }

    /** {@code all}, absent, or a list of indexes / UUIDs / MIG ids. */
    private static List<String> devices(Object value, String path) {
        if (value == null || "all".equals(value)) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(string(o, path));
            }
            return out;
        }
        throw new InvalidConfigException(path + " must be 'all' or a list of devices, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}

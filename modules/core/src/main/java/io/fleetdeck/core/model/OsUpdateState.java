package io.fleetdeck.core.model;

import java.util.Locale;
import java.util.Map;

/** Short text for the OS update state of an immutable node (Flatcar update operator annotations). */
public final class OsUpdateState {
    private OsUpdateState() {
    }

    public static String describe(EncoderNode node) {
        Map<String, String> a = node.annotations();
        if ("true".equals(a.get(FleetLabels.FLATCAR_REBOOT_IN_PROGRESS))) {
            return "Rebooting";
        }
        if ("true".equals(a.get(FleetLabels.FLATCAR_REBOOT_NEEDED))) {
            String v = a.get(FleetLabels.FLATCAR_NEW_VERSION);
            return v == null || v.isEmpty() ? "Reboot needed" : "Reboot needed → " + v;
        }
        String status = a.get(FleetLabels.FLATCAR_STATUS);
        if (status == null || status.isEmpty()) {
            return "";
        }
        // UPDATE_STATUS_UPDATE_AVAILABLE → "Update available"
        String s = status.startsWith("UPDATE_STATUS_") ? status.substring("UPDATE_STATUS_".length()) : status;
        s = s.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

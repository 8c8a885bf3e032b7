package io.fleetdeck.app.slices;

import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.settings.FleetSettings;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rows of the settings tables: what is configured, plus what the fleet has that is not (an unpriced
 * instance type, a GPU product without a target), by name so a row keeps its place when it is edited.
 */
public final class SettingsRows {
    private SettingsRows() {
    }

    /** Sessions per GPU of one product at the judged profile; {@code sessions} is null when not configured. */
    public record DensityRow(String product, Integer sessions, boolean inFleet) {
    }

    /** An instance type's $/h; {@code dollarsPerHour} is null when unpriced. */
    public record PriceRow(String instanceType, Double dollarsPerHour, boolean inFleet) {
    }

    static List<DensityRow> density(FleetSettings s, Set<String> fleetProducts) {
        List<DensityRow> rows = new ArrayList<>();
        s.judgedTable().forEach((product, n) -> rows.add(new DensityRow(product, n,
                fleetProducts.stream().anyMatch(f -> sameProduct(product, f)))));
        fleetProducts.stream().filter(f -> s.judgedTable().keySet().stream().noneMatch(p -> sameProduct(p, f)))
                .forEach(f -> rows.add(new DensityRow(f, null, true)));
        rows.sort(Comparator.comparing(DensityRow::product, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    static List<PriceRow> prices(FleetSettings s, Set<String> fleetInstanceTypes) {
        List<PriceRow> rows = new ArrayList<>();
        s.prices().forEach((type, price) -> rows.add(new PriceRow(type, price,
                fleetInstanceTypes.stream().anyMatch(f -> sameType(type, f)))));
        fleetInstanceTypes.stream().filter(f -> s.prices().keySet().stream().noneMatch(t -> sameType(t, f)))
                .forEach(f -> rows.add(new PriceRow(f, null, true)));
        rows.sort(Comparator.comparing(PriceRow::instanceType, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** Replaces only the rows that changed, so the rest of the table (and its selection) is not disturbed. */
    static <T> void update(ObservableList<T> rows, List<T> next) {
        if (rows.size() != next.size()) {
            rows.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!rows.get(i).equals(next.get(i))) {
                rows.set(i, next.get(i));
            }
        }
    }

    /** A cell's text: the figure as typed, "" when not configured. */
    static String cellText(Number figure) {
        return figure == null ? "" : figure instanceof Double d ? plain(d) : figure.toString();
    }

    static String sessionsText(Integer n) {
        return n == null ? "unset" : n.toString();
    }

    static String priceText(Double dollars) {
        return dollars == null ? "unpriced" : "$" + plain(dollars);
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static boolean sameProduct(String a, String b) {
        return DensityTargets.normalise(a).equals(DensityTargets.normalise(b));
    }

    private static boolean sameType(String a, String b) {
        return CostTable.key(a).equals(CostTable.key(b));
    }
}

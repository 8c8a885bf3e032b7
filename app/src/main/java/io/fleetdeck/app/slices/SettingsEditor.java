package io.fleetdeck.app.slices;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.slices.SettingsRows.DensityRow;
import io.fleetdeck.app.slices.SettingsRows.PriceRow;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.settings.FleetSettings;
import io.fleetdeck.core.settings.SettingsException;
import io.fleetdeck.core.settings.SettingsFile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The density-and-cost settings in effect, and their editing: the judged profile, sessions per GPU per product
 * and $/h per instance type. An accepted edit takes effect at once (the Slices figures and the time-slicing
 * impact follow {@link #currentProperty()}); Save writes the file in the background, Revert goes back to what
 * was last read or saved. Products and instance types seen in the fleet but not configured get a row too.
 */
public final class SettingsEditor {
    /** Plain decimal dollars: no exponent, sign, hex or locale comma, so what is typed is what is meant. */
    private static final Pattern DOLLARS = Pattern.compile("\\$?\\s*([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private final TaskRunner tasks;
    /** Null: settings of this session only (benchmarks, tests), never written. */
    private final SettingsFile file;
    private FleetSettings saved;
    /** The last save found the file changed by someone else: the next one writes over it, Revert re-reads it. */
    private boolean changedOnDisk;
    private final ReadOnlyObjectWrapper<FleetSettings> current;
    private final ReadOnlyObjectWrapper<DensityTargets> densityTargets;
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<String> profile = new SimpleObjectProperty<>(this, "profile");
    private final ObservableList<DensityRow> densityRows = FXCollections.observableArrayList();
    private final ObservableList<PriceRow> priceRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Set<String> fleetInstanceTypes = Set.of();
    private Set<String> fleetProducts = Set.of();
    private boolean showing;

    public SettingsEditor(TaskRunner tasks, SettingsFile file) {
        this.tasks = tasks;
        this.file = file;
        this.saved = FleetSettings.defaults();
        this.current = new ReadOnlyObjectWrapper<>(this, "current", saved);
        this.densityTargets = new ReadOnlyObjectWrapper<>(this, "densityTargets", saved.densityTargets());
        profile.addListener((o, a, p) -> {
            if (!showing && p != null && !p.equals(current.get().profile())) {
                edit(() -> current.get().withProfile(p), "Nodes are judged at " + p + ".");
            }
        });
        show(saved);
        message.set(file == null ? "Settings of this session only: they are not stored."
                : "Defaults from FIELD.md until " + file.path() + " is read.");
    }

    /** Settings that are never written: for a view-model without a settings file. */
    public static SettingsEditor unstored(FleetSettings settings) {
        SettingsEditor editor = new SettingsEditor(TaskRunner.sameThread(), null);
        editor.saved = settings;
        editor.show(settings);
        return editor;
    }

    // --- properties -------------------------------------------------------------------------------------

    /** The settings in effect, edits included. */
    public ReadOnlyObjectProperty<FleetSettings> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The judged profile's sessions per GPU, as the capacity maths uses them. */
    public ReadOnlyObjectProperty<DensityTargets> densityTargetsProperty() {
        return densityTargets.getReadOnlyProperty();
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    /** The judged profile; choosing another one is an edit. */
    public ObjectProperty<String> profileProperty() {
        return profile;
    }

    /** The judged profile's products, configured or seen in the fleet, by name. */
    public ObservableList<DensityRow> densityRows() {
        return densityRows;
    }

    /** Instance types priced or seen in the fleet, by name. */
    public ObservableList<PriceRow> priceRows() {
        return priceRows;
    }

    /** True while the settings in effect differ from those last read or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did, or why an edit was not taken. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the settings file could not be used (the defaults are in effect), until a save replaces it; else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file).map(SettingsFile::path);
    }

    // --- commands ---------------------------------------------------------------------------------------

    /** Reads the settings file in the background; a file that cannot be used leaves the defaults in effect. */
    public void load() {
        if (file == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(file::read, read -> {
            busy.set(false);
            problem.set("");
            saved = read.orElseGet(FleetSettings::defaults);
            show(saved);
            message.set(read.isPresent() ? "Settings from " + file.path() + "."
                    : "No settings file yet: FIELD.md's defaults. Save writes " + file.path() + ".");
        }, e -> {
            busy.set(false);
            saved = FleetSettings.defaults();
            show(saved);
            String why = e instanceof SettingsException ? e.getMessage()
                    : "Settings file " + file.path() + " could not be read: " + e.getMessage();
            problem.set(why + (why.endsWith(".") ? "" : ".") + " FleetDeck uses FIELD.md's defaults; the file is left"
                    + " as it is.");
            message.set("FIELD.md's defaults are in effect: the settings file could not be used.");
        });
    }

    /** Sets a product's sessions per GPU at the judged profile from the operator's text; "" removes it. */
    public boolean setSessions(String product, String text) {
        String t = text == null ? "" : text.trim();
        Integer sessions = null;
        if (!t.isEmpty()) {
            try {
                sessions = Integer.valueOf(t);
            } catch (NumberFormatException e) {
                sessions = 0;
            }
            if (sessions < 1) {
                return refuse("Sessions per GPU for " + product + " must be a whole number of at least 1, not '" + t
                        + "'. It stays " + SettingsRows.sessionsText(current.get().judgedTable().get(product)) + ".");
            }
        }
        FleetSettings s = current.get();
        Integer n = sessions;
        return edit(() -> s.withSessionsPerGpu(s.profile(), product, n), sessions == null
                ? product + " has no target at " + s.profile() + ": its nodes are not judged."
                : product + ": " + sessions + " sessions per GPU at " + s.profile() + ".");
    }

    /** Sets an instance type's $/h from the operator's text ("0.752" or "$0.752"); "" leaves it unpriced. */
    public boolean setPrice(String instanceType, String text) {
        String t = text == null ? "" : text.trim();
        Double price = null;
        if (!t.isEmpty()) {
            var m = DOLLARS.matcher(t);
            if (!m.matches()) {
                return refuse("$/h for " + instanceType + " must be a number ≥ 0 such as 0.752, not '" + t
                        + "'. It stays " + SettingsRows.priceText(current.get().prices().get(instanceType)) + ".");
            }
            price = Double.valueOf(m.group(1));
        }
        Double p = price;
        return edit(() -> current.get().withPrice(instanceType, p), price == null
                ? instanceType + " is unpriced: its nodes are left out of $/session-hour."
                : instanceType + ": " + SettingsRows.priceText(price) + " per hour.");
    }

    /** Writes the settings in effect in the background; when that fails the edits stay and the reason is shown. */
    public void save() {
        if (busy.get() || !dirty.get()) {
            return;
        }
        if (file == null) {
            message.set("Not saved: settings of this session only have no file.");
            return;
        }
        FleetSettings writing = current.get();
        boolean overwrite = changedOnDisk;
        busy.set(true);
        message.set("Saving " + file.path() + "…");
        tasks.run(() -> file.save(writing, overwrite), keptAside -> {
            busy.set(false);
            changedOnDisk = false;
            saved = writing;
            problem.set("");
            dirty.set(!current.get().equals(saved));
            message.set("Saved " + file.path() + "." + keptAside.map(p -> " The unreadable file was kept as "
                    + p.getFileName() + ".").orElse(""));
        }, e -> {
            busy.set(false);
            if (e instanceof SettingsFile.ChangedOnDisk) {
                changedOnDisk = true;
                message.set("Not saved: " + e.getMessage() + ". Revert loads that version; Save again writes yours"
                        + " over it. Your edits are kept and in effect.");
                return;
            }
            message.set("Not saved: " + (e instanceof IOException io ? SettingsFile.describe(io) : e.getMessage())
                    + ". Your edits are kept and in effect.");
        });
    }

    /** Goes back to the settings last read or saved. */
    public void revert() {
        if (busy.get() || !dirty.get()) {
            return;
        }
        if (changedOnDisk) {
            // The file moved on without us: going back means taking what it says now.
            changedOnDisk = false;
            load();
            return;
        }
        show(saved);
        message.set("Edits reverted.");
    }

    /** The instance types and GPU products of the fleet's nodes, for the rows of those not yet configured. */
    public void setFleet(Set<String> instanceTypes, Set<String> products) {
        if (instanceTypes.equals(fleetInstanceTypes) && products.equals(fleetProducts)) {
            return;
        }
        fleetInstanceTypes = Set.copyOf(instanceTypes);
        fleetProducts = Set.copyOf(products);
        refreshRows();
    }

    // --- state ------------------------------------------------------------------------------------------

    private boolean refuse(String why) {
        message.set("Not taken: " + why);
        return false;
    }

    private boolean edit(Supplier<FleetSettings> change, String what) {
        FleetSettings next;
        try {
            next = change.get();
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage() + ".");
        }
        if (next.equals(current.get())) {
            return true;
        }
        show(next);
        message.set(what + (dirty.get() ? " Not saved yet." : ""));
        return true;
    }

    private void show(FleetSettings s) {
        current.set(s);
        densityTargets.set(s.densityTargets());
        showing = true;
        try {
            if (!profiles.equals(List.copyOf(s.sessionsPerGpu().keySet()))) {
                profiles.setAll(s.sessionsPerGpu().keySet());
            }
            profile.set(s.profile());
        } finally {
            showing = false;
        }
        dirty.set(!s.equals(saved));
        refreshRows();
    }

    private void refreshRows() {
        SettingsRows.update(densityRows, SettingsRows.density(current.get(), fleetProducts));
        SettingsRows.update(priceRows, SettingsRows.prices(current.get(), fleetInstanceTypes));
    }
}

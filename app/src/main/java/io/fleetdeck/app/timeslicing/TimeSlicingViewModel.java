package io.fleetdeck.app.timeslicing;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.actions.ConfigMapCommands;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ConfigMapData;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.timeslicing.DevicePluginConfig;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Edits the NVIDIA device plugin's time-slicing ConfigMap: one config per data key, validated on every edit,
 * with the impact on the fleet's slices and sessions shown before anything is written. Edits of several keys
 * are kept together and written in one optimistic replace, so a concurrent change is never overwritten.
 */
public final class TimeSlicingViewModel {
    public static final String DEFAULT_NAMESPACE = "nvidia-device-plugin";
    public static final String DEFAULT_NAME = "time-slicing-config";

    private final TaskRunner tasks;
    /** Whether an edited config has errors: known from the last validation pass, not validated again. */
    private boolean editsInvalid;
    private final Supplier<Collection<NodeSummary>> nodes;
    private ConfigMapCommands commands;
    /** Bumped whenever the cluster or ConfigMap changes, so late answers for the old one are dropped. */
    private long generation;
    private boolean showingKey;

    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", DEFAULT_NAMESPACE);
    private final StringProperty name = new SimpleStringProperty(this, "name", DEFAULT_NAME);
    private final ReadOnlyObjectWrapper<ConfigMapData> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private Map<String, Integer> nodesByKey = Map.of();
    private final Map<String, String> edits = new TreeMap<>();
    private final ObservableSet<String> editedKeys = FXCollections.observableSet();
    private final ObjectProperty<String> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ImpactModel impact;
    private final ReadOnlyBooleanWrapper applyDisabled = new ReadOnlyBooleanWrapper(this, "applyDisabled", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TimeSlicingViewModel(TaskRunner tasks, DensityTargets targets, Supplier<Collection<NodeSummary>> nodes) {
        this(tasks, new ReadOnlyObjectWrapper<>(targets), nodes);
    }

    /** The impact judges density with the targets in effect, and is recomputed when they are edited. */
    public TimeSlicingViewModel(TaskRunner tasks, ObservableValue<DensityTargets> targets,
                                Supplier<Collection<NodeSummary>> nodes) {
        this.tasks = tasks;
        this.impact = new ImpactModel(targets::getValue);
        this.nodes = nodes;
        selectedKey.addListener((o, a, key) -> showKey(key));
        text.addListener((o, a, t) -> onEdited(t));
        targets.addListener((o, a, t) -> refresh());
        setCommands(null);
    }

    /** The connected cluster's ConfigMap commands, or null when disconnected: then everything is disabled. */
    public void setCommands(ConfigMapCommands commands) {
        this.commands = commands;
        generation++;
        connected.set(commands != null);
        busy.set(false);
        clear();
        message.set(commands == null ? "Not connected: connect to a cluster to edit its time-slicing config."
                : "Load " + target() + " to edit its time-slicing configs.");
    }

    // --- properties -------------------------------------------------------------------------------------

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<ConfigMapData> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The ConfigMap's data keys in order: one device-plugin config each. */
    public ObservableList<String> keys() {
        return keys;
    }

    /** GPU nodes whose {@code nvidia.com/device-plugin.config} label names {@code key}, counted at load. */
    public int nodesUsing(String key) {
        return nodesByKey.getOrDefault(key, 0);
    }

    /** Keys with edits not yet applied. */
    public ObservableSet<String> editedKeys() {
        return editedKeys;
    }

    public ObjectProperty<String> selectedKeyProperty() {
        return selectedKey;
    }

    /** The text of the selected key, with the operator's edits; writing it records an edit. */
    public StringProperty textProperty() {
        return text;
    }

    /** Errors of the selected config, then those of other edited configs prefixed with their key. */
    public ObservableList<String> errors() {
        return errors;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Edited configs against the loaded ones; null when nothing is edited. */
    public ReadOnlyObjectProperty<TimeSlicingImpact> impactProperty() {
        return impact.impactProperty();
    }

    /** Per nodepool, then a "total" row; empty when nothing is edited. */
    public ObservableList<TimeSlicingImpact.PoolImpact> impactPools() {
        return impact.pools();
    }

    /** Only the nodes whose slices, displaced sessions or density verdict change. */
    public ObservableList<TimeSlicingImpact.NodeImpact> impactNodes() {
        return impact.nodes();
    }

    public ReadOnlyStringProperty impactTextProperty() {
        return impact.textProperty();
    }

    public ReadOnlyBooleanProperty applyDisabledProperty() {
        return applyDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True after an apply was refused because someone else changed the ConfigMap: offer a reload. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------------------

    /**
     * Reads the ConfigMap in the background. Reloading the same ConfigMap keeps edits of keys nobody else
     * changed meanwhile; an edit of a key that changed on the server is dropped (and named), never written
     * over the newer text.
     */
    public void load() {
        load(null);
    }

    private void load(String afterMessage) {
        ConfigMapCommands c = commands;
        if (c == null || busy.get()) {
            return;
        }
        String ns = namespace.get().trim();
        String n = name.get().trim();
        long gen = ++generation;
        busy.set(true);
        refreshApplyDisabled();
        message.set(afterMessage != null ? afterMessage + " Reloading…" : "Loading " + ns + "/" + n + "…");
        tasks.run(() -> c.read(ns, n), data -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            String dropped = show(data);
            String loadedText = "Loaded " + ns + "/" + n + " (" + ConfigChanges.plural(data.data().size(), "config")
                    + ", resourceVersion " + data.resourceVersion() + ").";
            message.set((afterMessage != null ? afterMessage : loadedText) + dropped);
        }, error -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            if (error instanceof ClusterException ce && ce.kind() == ClusterException.Kind.NOT_FOUND) {
                clear();
                message.set("ConfigMap " + ns + "/" + n + " does not exist in this cluster. Check the namespace"
                        + " and name the device plugin was installed with.");
            } else {
                refreshApplyDisabled();
                message.set((afterMessage != null ? afterMessage + " " : "") + "Could not load " + ns + "/" + n + ": "
                        + error.getMessage());
            }
        });
    }

    /** Discards every edit not yet applied. */
    public void revert() {
        if (edits.isEmpty() || busy.get()) {
            return;
        }
        edits.clear();
        editedKeys.clear();
        showKey(selectedKey.get());
        message.set("Edits reverted.");
    }

    /** Writes all edited configs in one replace at the loaded resourceVersion; reloads when it worked. */
    public void apply() {
        ConfigMapCommands c = commands;
        ConfigMapData base = loaded.get();
        if (c == null || base == null || applyDisabled.get()) {
            return;
        }
        Map<String, String> merged = new HashMap<>(base.data());
        merged.putAll(edits);
        String change = changeSummary();
        long gen = generation;
        busy.set(true);
        refreshApplyDisabled();
        message.set("Applying: " + change + "…");
        tasks.run(() -> c.apply(base.withData(merged), change), written -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            edits.clear();
            editedKeys.clear();
            load("Applied: " + change + ".");
        }, error -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            refreshApplyDisabled();
            if (error instanceof ClusterException ce && ce.kind() == ClusterException.Kind.CONFLICT) {
                conflict.set(true);
                message.set("Not applied: " + error.getMessage() + " Your edits are kept. Reload (Ctrl+R) to see"
                        + " the current version; edits of configs nobody else changed survive the reload.");
            } else {
                message.set("Not applied: " + error.getMessage() + " Your edits are kept.");
            }
        });
    }

    /** "t4-28: replicas 28 → 30; a10g-31: …", or "" when nothing is edited. */
    public String changeSummary() {
        ConfigMapData base = loaded.get();
        return base == null ? "" : ConfigChanges.summary(base.data(), edits);
    }

    /** True when the edits displace sessions or oversubscribe nodes: ask before applying. */
    public boolean confirmationNeeded() {
        return !confirmationText().isEmpty();
    }

    /** The question to ask, e.g. "3 nodes would lose slices; 12 sessions would no longer fit …", or "". */
    public String confirmationText() {
        return ConfigChanges.confirmation(impact.impactProperty().get());
    }

    // --- state ------------------------------------------------------------------------------------------

    /** Shows freshly read data; returns a sentence naming edits dropped because the server text changed. */
    private String show(ConfigMapData data) {
        ConfigMapData before = loaded.get();
        boolean sameMap = before != null && before.namespace().equals(data.namespace())
                && before.name().equals(data.name());
        List<String> dropped = sameMap ? ConfigChanges.rebase(before.data(), data.data(), edits) : List.of();
        if (!sameMap) {
            edits.clear();
        }
        editedKeys.retainAll(edits.keySet());
        conflict.set(false);
        nodesByKey = ConfigChanges.nodesByConfig(nodes.get());
        loaded.set(data);
        String keep = selectedKey.get();
        keys.setAll(new TreeMap<>(data.data()).keySet());
        selectedKey.set(keys.contains(keep) ? keep : keys.isEmpty() ? null : keys.getFirst());
        showKey(selectedKey.get());
        return dropped.isEmpty() ? "" : " Changed by someone else meanwhile, so your edits were dropped: "
                + String.join(", ", dropped) + ".";
    }

    private void clear() {
        loaded.set(null);
        edits.clear();
        editedKeys.clear();
        nodesByKey = Map.of();
        conflict.set(false);
        keys.clear();
        selectedKey.set(null);
        showKey(null);
    }

    private void showKey(String key) {
        ConfigMapData data = loaded.get();
        showingKey = true;
        try {
            text.set(key == null || data == null ? "" : edits.getOrDefault(key, data.data().getOrDefault(key, "")));
        } finally {
            showingKey = false;
        }
        refresh();
    }

    private void onEdited(String newText) {
        String key = selectedKey.get();
        ConfigMapData data = loaded.get();
        if (showingKey || key == null || data == null) {
            return;
        }
        if (Objects.equals(newText, data.data().get(key))) {
            edits.remove(key);
            editedKeys.remove(key);
        } else {
            edits.put(key, newText == null ? "" : newText);
            editedKeys.add(key);
        }
        refresh();
    }

    /**
     * Validation and impact on every edit, without debouncing: a config is a few lines of YAML and the impact
     * is one pass over the nodes (a few milliseconds for 5,000), well under a keystroke.
     */
    private void refresh() {
        String key = selectedKey.get();
        List<String> errs = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        boolean invalid = false;
        if (key != null && loaded.get() != null) {
            DevicePluginConfig.Validation v = DevicePluginConfig.validate(text.get());
            errs.addAll(v.errors());
            warns.addAll(v.warnings());
            invalid = edits.containsKey(key) && !v.isValid();
        }
        for (Map.Entry<String, String> e : edits.entrySet()) {
            if (!e.getKey().equals(key)) {
                List<String> others = DevicePluginConfig.validate(e.getValue()).errors();
                others.forEach(err -> errs.add(e.getKey() + ": " + err));
                invalid |= !others.isEmpty();
            }
        }
        editsInvalid = invalid;
        errors.setAll(errs);
        warnings.setAll(warns);
        ConfigMapData data = loaded.get();
        impact.recompute(data == null ? null : data.data(), edits, nodes.get());
        refreshApplyDisabled();
    }

    private void refreshApplyDisabled() {
        applyDisabled.set(commands == null || loaded.get() == null || busy.get() || edits.isEmpty() || editsInvalid);
    }

    private String target() {
        return namespace.get() + "/" + name.get();
    }
}

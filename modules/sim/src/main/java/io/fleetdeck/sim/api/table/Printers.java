package io.fleetdeck.sim.api.table;

import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;
import java.util.Map;

/** The printer for each resource type; NAME and AGE for the types without one. */
public final class Printers {
    private static final Map<ResourceType, RowPrinter> BY_TYPE = Map.ofEntries(
            Map.entry(ResourceCatalog.NODES, new NodePrinter()),
            Map.entry(ResourceCatalog.PODS, new PodPrinter()),
            Map.entry(ResourceCatalog.NAMESPACES, CorePrinters.namespaces()),
            Map.entry(ResourceCatalog.EVENTS, new EventPrinter()),
            Map.entry(ResourceCatalog.CONFIGMAPS, CorePrinters.configMaps()),
            Map.entry(ResourceCatalog.SERVICES, CorePrinters.services()),
            Map.entry(ResourceCatalog.DEPLOYMENTS, AppsPrinters.deployments()),
            Map.entry(ResourceCatalog.REPLICASETS, AppsPrinters.replicaSets()),
            Map.entry(ResourceCatalog.DAEMONSETS, AppsPrinters.daemonSets()),
            Map.entry(ResourceCatalog.PDBS, CorePrinters.podDisruptionBudgets()),
            Map.entry(ResourceCatalog.LEASES, CorePrinters.leases()),
            Map.entry(ResourceCatalog.NODEPOOLS, KarpenterPrinters.nodePools()),
            Map.entry(ResourceCatalog.NODECLAIMS, KarpenterPrinters.nodeClaims()));

    private Printers() {
    }

    public static RowPrinter forType(ResourceType type) {
        return BY_TYPE.getOrDefault(type, SimplePrinter.DEFAULT);
    }
}

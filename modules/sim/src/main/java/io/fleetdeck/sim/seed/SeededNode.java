package io.fleetdeck.sim.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A node the seeder made, with what placement needs to know about it. */
record SeededNode(String name, InstanceProfile profile, ObjectNode node, ObjectNode nodeClaim,
                  boolean ready, boolean cordoned, int allocatable) {

    boolean acceptsSessions() {
        return ready && !cordoned && allocatable > 0;
    }
}

package dev.castmesh.controlplane.cascade;

import dev.castmesh.controlplane.node.NodeState;

/** What the {@link CascadeReconciler} decided to do; carried out by {@link ReconcileTask}. */
public sealed interface CascadeAction {

    /** A key to tell the same action apart on the next round. */
    String key();

    /** Autopush: {@code source} (its node has {@code autopush}) publishes {@code stream} to {@code target} in the origin region. */
    record Push(String stream, NodeState source, NodeState target) implements CascadeAction {
        @Override
        public String key() {
            return "push " + stream + " " + source.alias() + " -> " + target.alias();
        }
    }

    /**
     * Re-attach: the copy of {@code stream} on {@code copy} lost its source; it is to pull {@code sourceStream} (the
     * stream itself, or its pull-rule source) from {@code source} instead.
     */
    record Reattach(String stream, NodeState copy, NodeState source, String sourceStream) implements CascadeAction {
        @Override
        public String key() {
            return "reattach " + stream + " on " + copy.alias() + " <- " + source.alias() + " " + sourceStream;
        }
    }
}

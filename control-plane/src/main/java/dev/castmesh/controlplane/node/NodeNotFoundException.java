package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.http.ApiException;

/** 404 {@code node_not_found}. */
public final class NodeNotFoundException extends ApiException {
    public NodeNotFoundException(String alias) {
        super(404, "node_not_found", "no node '" + alias + "'");
    }
}

package dev.castmesh.controlplane.node;

import dev.castmesh.controlplane.http.ApiException;

/** 409 {@code node_exists}. */
final class NodeExistsException extends ApiException {
    NodeExistsException(String alias) {
        super(409, "node_exists", "node '" + alias + "' already exists");
    }
}

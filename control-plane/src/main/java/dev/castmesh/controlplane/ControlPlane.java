package dev.castmesh.controlplane;

import io.micronaut.runtime.Micronaut;

public final class ControlPlane {
    private ControlPlane() {
    }

    public static void main(String[] args) {
        Micronaut.run(ControlPlane.class, args);
    }
}

package dev.castmesh.agent;

import io.micronaut.runtime.Micronaut;

public final class MediaAgent {
    private MediaAgent() {
    }

    public static void main(String[] args) {
        Micronaut.run(MediaAgent.class, args);
    }
}

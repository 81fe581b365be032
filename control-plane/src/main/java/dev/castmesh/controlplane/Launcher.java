package dev.castmesh.controlplane;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;

/**
 * Micronaut's launcher, except that a start-up failure is thrown to the caller instead of being logged with its
 * stack trace followed by {@code System.exit(1)}: {@link ControlPlane#main} turns it into one line.
 */
final class Launcher extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        if (exception instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new ApplicationStartupException(exception.getMessage(), exception);
    }
}

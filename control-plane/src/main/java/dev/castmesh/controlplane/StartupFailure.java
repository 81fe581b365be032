package dev.castmesh.controlplane;

import dev.castmesh.controlplane.database.DatabaseUrl;

/** Turns a start-up exception chain into one line for the console: the root cause, passwords masked. */
final class StartupFailure {
    private StartupFailure() {
    }

    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static String describe(Throwable failure) {
        Throwable root = rootCause(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (line.length() > 500) {
            line = line.substring(0, 497) + "...";
        }
        return DatabaseUrl.maskText(line);
    }
}

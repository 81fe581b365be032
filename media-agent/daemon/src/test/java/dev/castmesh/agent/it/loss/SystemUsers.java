package dev.castmesh.agent.it.loss;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Throw-away system users whose UDP {@link PacketLoss} impairs: no home directory, no login shell, created once
 * per machine and reused (idempotent, also when two runs race to create one).
 */
public final class SystemUsers {
    private static final Pattern NAME = Pattern.compile("castmesh-[a-z0-9-]{1,20}");
    /** useradd's exit code for "user already exists". */
    private static final int EXISTS = 9;

    private SystemUsers() {
    }

    /** Creates {@code name} if it does not exist; returns its uid. */
    public static int ensure(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a castmesh test user name: " + name);
        }
        HostTools.Result existing = uid(name);
        if (existing.exit() != 0) {
            HostTools.Result added = HostTools.exec(List.of(HostTools.executable("useradd").toString(),
                    "-M", "-s", "/usr/sbin/nologin", name), "");
            if (added.exit() != 0 && added.exit() != EXISTS) {
                throw new IllegalStateException("useradd " + name + " exited " + added.exit() + ": " + added.output());
            }
            existing = uid(name);
        }
        if (existing.exit() != 0) {
            throw new IllegalStateException("user " + name + " missing after useradd: " + existing.output());
        }
        return Integer.parseInt(existing.output().strip());
    }

    private static HostTools.Result uid(String name) {
        return HostTools.exec(List.of("id", "-u", name), "");
    }
}

package dev.castmesh.agent.registration;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This process's recent CPU use, 0.0 to 1.0 of all cores; negative when the JVM cannot tell. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static double ratio() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuLoad();
        }
        return -1;
    }
}

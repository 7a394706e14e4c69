package pagelab.app.desktop;

import java.time.Duration;
import java.time.Instant;

/** Measures the time from the JVM's start to the first painted main window. */
final class StartupClock {
    private StartupClock() {
    }

    /** CPU time the JVM used so far (all threads), in milliseconds, or -1 if the OS does not say. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Milliseconds since the JVM started, as the JVM itself recorded its start. Not the process's start time that
     * the OS reports ({@code ProcessHandle.Info.startInstant}): on Linux that counts from the boot time in whole
     * seconds ({@code btime} of {@code /proc/stat}), so it is off by up to a second, the same way for every run of
     * one boot; start-up figures measured with it before 2026-12-05 read 0.5 to 1 s too long. Read only when the
     * figure is printed, after the first paint, so the management classes it loads do not slow what it measures.
     */
    static long sinceJvmStart() {
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        } catch (LinkageError | RuntimeException e) {
            return sinceProcessStart();
        }
    }

    /** Milliseconds since the process started, as the OS says (coarse, see above), or -1 if it does not say. */
    static long sinceProcessStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        if (start == null) {
            return -1;
        }
        return Duration.between(start, Instant.now()).toMillis();
    }
}

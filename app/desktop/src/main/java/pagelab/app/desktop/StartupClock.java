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

    /** Milliseconds since the JVM process started, or -1 if the OS does not say. */
    static long sinceJvmStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        if (start == null) {
            return -1;
        }
        return Duration.between(start, Instant.now()).toMillis();
    }
}

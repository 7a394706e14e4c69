package pagelab.app.desktop;

import java.time.Duration;
import java.time.Instant;

/** Measures the time from the JVM's start to the first painted main window. */
final class StartupClock {
    private StartupClock() {
    }

    /** Milliseconds since the JVM process started, or since class loading if the OS does not say. */
    static long sinceJvmStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        if (start == null) {
            return -1;
        }
        return Duration.between(start, Instant.now()).toMillis();
    }
}

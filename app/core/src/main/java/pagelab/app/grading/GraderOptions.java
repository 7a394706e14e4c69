package pagelab.app.grading;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link Grader} compiles and runs solutions. Immutable; the {@code with*} methods return a changed copy.
 *
 * @param cacheDir       where compiled classes are cached and children get their working folder
 * @param checkTimeout   how long one check may run
 * @param heapMegabytes  the child JVM's heap limit
 * @param childClasspath the class path of the child JVM (the host's own by default)
 * @param childJvmArgs   extra JVM options for the child, before the main class
 * @param startupTimeout how long a child may take to start
 */
public record GraderOptions(Path cacheDir, Duration checkTimeout, int heapMegabytes, String childClasspath,
                            List<String> childJvmArgs, Duration startupTimeout) {

    /** System property that replaces the child's class path (for installs whose class path is not a plain list). */
    public static final String CHILD_CLASSPATH_PROPERTY = "pagelab.child.classpath";

    public GraderOptions {
        childJvmArgs = List.copyOf(childJvmArgs);
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("check timeout must be positive, got " + checkTimeout);
        }
        if (heapMegabytes < 16) {
            throw new IllegalArgumentException("the child heap must be at least 16 MB, got " + heapMegabytes);
        }
    }

    /** 10 s per check, a 256 MB heap, the host's class path, caches under {@code dataDir/cache}. */
    public static GraderOptions defaults(Path dataDir) {
        String cp = System.getProperty(CHILD_CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
        return new GraderOptions(dataDir.toAbsolutePath().resolve("cache"), Duration.ofSeconds(10), 256,
                absolute(cp), List.of(), Duration.ofSeconds(20));
    }

    // The child runs in its own working folder, so a relative entry of the host's class path would not resolve.
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    public GraderOptions withCheckTimeout(Duration timeout) {
        return new GraderOptions(cacheDir, timeout, heapMegabytes, childClasspath, childJvmArgs, startupTimeout);
    }

    public GraderOptions withHeapMegabytes(int megabytes) {
        return new GraderOptions(cacheDir, checkTimeout, megabytes, childClasspath, childJvmArgs, startupTimeout);
    }

    public GraderOptions withChildJvmArgs(List<String> args) {
        return new GraderOptions(cacheDir, checkTimeout, heapMegabytes, childClasspath, args, startupTimeout);
    }
}

package pagelab.app.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link Grader} compiles and runs solutions. Immutable; the {@code with*} methods return a changed copy.
 *
 * @param cacheDir            where compiled classes are cached ({@code DATA/cache})
 * @param checkTimeout        how long one check may run
 * @param heapMegabytes       the child JVM's heap limit
 * @param childJvmArgs        extra JVM options for the child, before the main class
 * @param startupTimeout      how long a child may take to start
 * @param mode                practice (one warm child for one student's checks) or graded (a fresh child per
 *                            submission, in the OS sandbox where there is one)
 * @param sandbox             whether graded runs use the OS sandbox
 * @param hiddenPaths         folders a sandboxed child must not see, besides the home and temporary folders and the
 *                            data folder (e.g. the folder of all submissions)
 * @param extraChildClasspath more entries for the child's class path (tests: a stub kernel)
 */
public record GraderOptions(Path cacheDir, Duration checkTimeout, int heapMegabytes, List<String> childJvmArgs,
                            Duration startupTimeout, Mode mode, Sandbox.Mode sandbox, List<Path> hiddenPaths,
                            List<Path> extraChildClasspath) {

    /** Whose work a grader runs, which decides how far apart two runs are kept. */
    public enum Mode {
        /** One student's own checks (the desktop, {@code check}): a warm child is reused while it behaves. */
        PRACTICE,
        /** A grade that counts ({@code grade}, {@code check --graded}, the autograder): a fresh child each time. */
        GRADED
    }

    public GraderOptions {
        childJvmArgs = List.copyOf(childJvmArgs);
        hiddenPaths = List.copyOf(hiddenPaths);
        extraChildClasspath = List.copyOf(extraChildClasspath);
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("check timeout must be positive, got " + checkTimeout);
        }
        if (heapMegabytes < 16) {
            throw new IllegalArgumentException("the child heap must be at least 16 MB, got " + heapMegabytes);
        }
    }

    /** 10 s per check, a 256 MB heap, practice mode, caches under {@code dataDir/cache}. */
    public static GraderOptions defaults(Path dataDir) {
        return new GraderOptions(dataDir.toAbsolutePath().resolve("cache"), Duration.ofSeconds(10), 256, List.of(),
                Duration.ofSeconds(20), Mode.PRACTICE, Sandbox.Mode.AUTO, List.of(), List.of());
    }

    /** The user data folder the cache lives in. */
    public Path dataDir() {
        return cacheDir.getParent();
    }

    public GraderOptions withCheckTimeout(Duration timeout) {
        return new GraderOptions(cacheDir, timeout, heapMegabytes, childJvmArgs, startupTimeout, mode, sandbox,
                hiddenPaths, extraChildClasspath);
    }

    public GraderOptions withHeapMegabytes(int megabytes) {
        return new GraderOptions(cacheDir, checkTimeout, megabytes, childJvmArgs, startupTimeout, mode, sandbox,
                hiddenPaths, extraChildClasspath);
    }

    public GraderOptions withChildJvmArgs(List<String> args) {
        return new GraderOptions(cacheDir, checkTimeout, heapMegabytes, args, startupTimeout, mode, sandbox,
                hiddenPaths, extraChildClasspath);
    }

    /** Graded mode, hiding {@code hidden} from sandboxed children as well. */
    public GraderOptions graded(Sandbox.Mode sandboxMode, List<Path> hidden) {
        return new GraderOptions(cacheDir, checkTimeout, heapMegabytes, childJvmArgs, startupTimeout, Mode.GRADED,
                sandboxMode, hidden, extraChildClasspath);
    }

    public GraderOptions withExtraChildClasspath(List<Path> entries) {
        return new GraderOptions(cacheDir, checkTimeout, heapMegabytes, childJvmArgs, startupTimeout, mode, sandbox,
                hiddenPaths, entries);
    }

    /** Whether graded children run in the OS sandbox. */
    boolean sandboxed() {
        return mode == Mode.GRADED && sandbox != Sandbox.Mode.OFF && Sandbox.available();
    }
}

package pagelab.app.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Hashes;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.ExerciseApi;
import pagelab.exercise.GradeReport;
import pagelab.exercise.SourceSet;
import pagelab.kernel.Machine;

/**
 * Grades solutions: compiles them in this JVM ({@link SourceCompiler}) and runs each check in a child JVM with a
 * time and heap limit. One warm child is reused between checks and between solutions while it behaves; after a
 * time-out, a crash, {@code System.exit}, a full heap or a thread left running it is killed and the next check gets
 * a fresh one. Whatever a solution does, {@link #grade} returns a result within about the check time limit plus two
 * seconds per check, and the host is unaffected.
 *
 * <p>Not thread-safe: one grading at a time per instance (use one {@code Grader} per worker thread to grade in
 * parallel). Close it to end its child.
 */
public final class Grader implements AutoCloseable {
    /** Time the host allows beyond the check limit before it kills a silent child (the child times out first). */
    static final long GRACE_MILLIS = 1500;
    /**
     * System property naming a {@code Function<MachineConfig, Machine>} class the children use instead of
     * {@code Machine.create}; passed on to every child (another kernel implementation, or a stub in tests).
     */
    public static final String MACHINES_PROPERTY = "pagelab.child.machines";

    private final GraderOptions options;
    private final SourceCompiler compiler;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, CheckPlan> plans = new HashMap<>();
    private ChildJvm child;
    private Path workDir;

    public Grader(GraderOptions options) {
        this.options = options;
        this.compiler = new SourceCompiler(options.cacheDir().resolve("classes"));
    }

    public GraderOptions options() {
        return options;
    }

    /** Compiles {@code sources} against the kernel and exercise APIs and the exercise's plugin. */
    public CompileResult compile(LoadedExercise exercise, SourceSet sources) {
        return compiler.compile(sources, compileClasspath(exercise));
    }

    /** Grades {@code sources} with the default seed. */
    public GradingResult grade(LoadedExercise exercise, SourceSet sources) {
        return grade(exercise, sources, CheckRunner.Options.DEFAULT_SEED, r -> { });
    }

    /**
     * Compiles and grades {@code sources}, calling {@code onResult} after each check (on this thread).
     *
     * @throws pagelab.exercise.InvalidExerciseException if the exercise's checks are declared wrong
     */
    public GradingResult grade(LoadedExercise exercise, SourceSet sources, long seed, Consumer<CheckResult> onResult) {
        long start = System.nanoTime();
        CheckPlan plan = plan(exercise);
        prestart(); // the child JVM boots while javac works
        CompileResult compiled = compile(exercise, sources);
        Map<String, CheckResult> done = new LinkedHashMap<>();
        Map<String, String> output = new HashMap<>();
        for (CheckInfo info : plan.checks()) {
            CheckResult r;
            if (!compiled.success()) {
                r = CheckResult.fail(compiled.summary()).scored(info);
            } else {
                String skip = plan.skipReason(info, done);
                r = skip != null ? CheckResult.skipped(skip).scored(info)
                        : runCheck(exercise, compiled, info, seed, output);
            }
            done.put(info.id(), r);
            onResult.accept(r);
        }
        GradeReport report = new GradeReport(exercise.id(), seed, new ArrayList<>(done.values()));
        return new GradingResult(exercise.id(), exercise.pluginId(), exercise.pluginVersion(),
                Hashes.sha256(sources), compiled, report, output, (System.nanoTime() - start) / 1_000_000);
    }

    /** The checks of {@code exercise} in run order, read once per exercise. */
    public CheckPlan plan(LoadedExercise exercise) {
        return plans.computeIfAbsent(exercise.id() + "|" + exercise.pluginPath(),
                k -> CheckPlan.of(exercise.exercise().checks()));
    }

    private CheckResult runCheck(LoadedExercise exercise, CompileResult compiled, CheckInfo info, long seed,
                                 Map<String, String> output) {
        ChildRequest request = new ChildRequest(requestIds.incrementAndGet(),
                exercise.classpath().stream().map(Path::toString).toList(), exercise.exerciseClassName(),
                compiled.classesDir().toString(), compiled.classNames(), info.id(), seed,
                options.checkTimeout().toMillis());
        try {
            ChildReply reply = child().call(request, options.checkTimeout().toMillis() + GRACE_MILLIS);
            if (reply.output() != null && !reply.output().isEmpty()) {
                output.put(info.id(), reply.output());
            }
            if (reply.tainted()) {
                discardChild();
            }
            return reply.result();
        } catch (ChildFailure f) {
            discardChild();
            return failure(f, info);
        }
    }

    private CheckResult failure(ChildFailure f, CheckInfo info) {
        long limit = options.checkTimeout().toMillis();
        return switch (f.kind()) {
            case TIMEOUT -> CheckResult.fail("The check did not finish within " + limit + " ms and its JVM was "
                    + "stopped: an endless loop, or waiting for something that never happens?").scored(info);
            case DIED -> f.systemExit()
                    ? CheckResult.fail("The solution called System.exit(" + f.exitCode() + ") during the check, "
                    + "which ended the grading JVM: a solution must return, never exit.").scored(info)
                    : CheckResult.fail("The grading JVM stopped abruptly during the check (" + f.getMessage()
                    + "): Runtime.halt, a native crash, or running out of memory outside the heap?").scored(info);
            case STARTUP -> CheckResult.error("The grading JVM could not start: " + f.getMessage()).scored(info);
        };
    }

    /** Starts a child now if none is running, so that the next check does not wait for a JVM to boot. */
    public void prestart() {
        if (child == null || !child.isAlive()) {
            try {
                child = ChildJvm.start(command(), workDir(), options.startupTimeout().toMillis());
            } catch (ChildFailure e) {
                child = null;
            }
        }
    }

    private ChildJvm child() throws ChildFailure {
        if (child == null || !child.isAlive()) {
            child = ChildJvm.start(command(), workDir(), options.startupTimeout().toMillis());
        }
        return child;
    }

    /** The current child's process id, or -1 when none runs (tests observe reuse with it). */
    long childPid() {
        return child == null || !child.isAlive() ? -1 : child.pid();
    }

    private void discardChild() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx" + options.heapMegabytes() + "m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8"));
        String machines = System.getProperty(MACHINES_PROPERTY);
        if (machines != null && !machines.isBlank()) {
            cmd.add("-D" + MACHINES_PROPERTY + "=" + machines);
        }
        cmd.addAll(options.childJvmArgs());
        cmd.addAll(List.of("-cp", options.childClasspath(), GradingChild.class.getName()));
        return cmd;
    }

    private Path workDir() throws ChildFailure {
        if (workDir == null) {
            try {
                Files.createDirectories(options.cacheDir());
                workDir = Files.createTempDirectory(options.cacheDir(), "child-");
            } catch (IOException e) {
                throw new ChildFailure(ChildFailure.Kind.STARTUP, "cannot create a working folder under "
                        + options.cacheDir() + ": " + e.getMessage(), -1, false);
            }
        }
        return workDir;
    }

    /** The kernel API, the exercise API and the plugin: what a solution may compile against. */
    static List<Path> compileClasspath(LoadedExercise exercise) {
        List<Path> cp = new ArrayList<>();
        cp.add(location(Machine.class));
        Path api = location(ExerciseApi.class);
        if (!cp.contains(api)) {
            cp.add(api);
        }
        cp.addAll(exercise.classpath());
        return cp;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot locate the jar of " + type.getName(), e));
        }
    }

    /** Ends the child and removes its working folder. */
    @Override
    public void close() {
        if (child != null) {
            child.close();
            child = null;
        }
        SourceCompiler.deleteTree(workDir);
        workDir = null;
    }
}

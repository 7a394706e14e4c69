package pagelab.exercise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * Runs an exercise's checks against a solution class in this JVM: a fresh {@link Machine} with the fixed seed
 * per check, a fresh instance of the check class per check, parameters resolved by type, every {@link Throwable}
 * from student code turned into a failed result, and checks whose prerequisites scored zero skipped.
 *
 * <p>The host's grading child JVM calls this same runner and adds the process boundary (time and heap limits
 * that survive anything). In-process, {@link Options#timeout} only abandons a check that runs too long: the
 * thread running it is a daemon that is interrupted and left behind, so use it for trusted code such as shipped
 * known-wrong solutions, not for untrusted submissions.
 *
 * <p>Thread-safe: a runner holds no state between calls.
 *
 * @since 0.1
 */
public final class CheckRunner {

    /**
     * How checks run.
     *
     * @param seed    the seed of every check's machine (recorded in the report so a grade can be reproduced)
     * @param timeout how long one check may run in-process before it is abandoned; null for no limit
     */
    public record Options(long seed, Duration timeout) {
        /** The seed the host uses unless told otherwise. */
        public static final long DEFAULT_SEED = 15;

        /** The default seed, no in-process time limit. */
        public static Options defaults() {
            return new Options(DEFAULT_SEED, null);
        }
    }

    private final Options options;
    private final Function<MachineConfig, Machine> machines;

    /** A runner with {@link Options#defaults()}. */
    public CheckRunner() {
        this(Options.defaults());
    }

    public CheckRunner(Options options) {
        this(options, Machine::create);
    }

    /** @param machines makes each check's machine; tests pass a fake, the host uses {@link Machine#create} */
    public CheckRunner(Options options, Function<MachineConfig, Machine> machines) {
        this.options = options == null ? Options.defaults() : options;
        this.machines = machines;
    }

    /**
     * Finds the solution among the student's classes: the one concrete, public class implementing the exercise's
     * solution interface. Loads without initialising, so a throwing static initialiser is reported by the check
     * that first makes an instance.
     *
     * @return the class, never null
     * @throws InvalidSolutionException with a message for the student when there is none, or more than one
     */
    public static Class<?> findSolutionClass(Exercise exercise, ClassLoader loader, Collection<String> classNames) {
        Class<?> iface = exercise.solutionInterface();
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new InvalidSolutionException("Class " + name + " cannot be loaded: " + e);
            }
            if (iface.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                found.add(c);
            }
        }
        if (found.size() != 1) {
            throw new InvalidSolutionException(found.isEmpty()
                    ? "No class implements " + iface.getSimpleName() + "; keep the starter's class declaration."
                    : "More than one class implements " + iface.getSimpleName() + ": " + found.stream()
                    .map(Class::getName).toList() + "; keep exactly one.");
        }
        return found.get(0);
    }

    /** Grades the student's classes: finds the solution class, then runs every check. */
    public GradeReport run(Exercise exercise, ClassLoader loader, Collection<String> classNames) {
        Class<?> solution;
        try {
            solution = findSolutionClass(exercise, loader, classNames);
        } catch (InvalidSolutionException e) {
            return failAll(exercise, e.getMessage());
        }
        return run(exercise, solution);
    }

    /** Runs every check against {@code solutionClass}, in plan order, skipping those whose prerequisites failed. */
    public GradeReport run(Exercise exercise, Class<?> solutionClass) {
        CheckPlan plan = CheckPlan.of(exercise.checks());
        Map<String, CheckResult> done = new LinkedHashMap<>();
        for (CheckInfo check : plan.checks()) {
            Msg skip = plan.skipMessage(check, done);
            CheckResult r = skip != null ? CheckResult.skipped(skip).scored(check)
                    : runCheck(exercise, plan, solutionClass, check.id());
            done.put(check.id(), r);
        }
        return new GradeReport(exercise.descriptor().id(), options.seed(), new ArrayList<>(done.values()));
    }

    /** A report in which every check failed with {@code message} (no solution class, a compile error, ...). */
    public GradeReport failAll(Exercise exercise, String message) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckInfo c : CheckPlan.of(exercise.checks()).checks()) {
            results.add(CheckResult.fail(message).scored(c));
        }
        return new GradeReport(exercise.descriptor().id(), options.seed(), results);
    }

    /**
     * Runs one check, ignoring prerequisites (the caller decides with {@link CheckPlan#skipReason}). Never
     * throws for anything the solution or the check does; the result is scored.
     *
     * @throws IllegalArgumentException if the plan has no check {@code checkId}
     */
    public CheckResult runCheck(Exercise exercise, CheckPlan plan, Class<?> solutionClass, String checkId) {
        CheckInfo info = plan.check(checkId);
        if (info == null) {
            throw new IllegalArgumentException("no check " + checkId + " in " + plan.checks());
        }
        CheckExecution execution = new CheckExecution(exercise, plan, info, solutionClass, options.seed(), machines);
        CheckResult r = options.timeout() == null ? execution.call() : withTimeout(execution, info);
        return r.scored(info);
    }

    private CheckResult withTimeout(CheckExecution execution, CheckInfo info) {
        AtomicReference<CheckResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(execution.call()), "pagelab-check-" + info.id());
        t.setDaemon(true);
        t.start();
        try {
            t.join(options.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.error("Interrupted while waiting for the check to finish.");
        }
        if (t.isAlive()) {
            t.interrupt();
            return CheckResult.fail(Msg.of("pagelab.timeout", "The check did not finish within {0} ms: an endless "
                    + "loop, or waiting for something that never happens?", String.valueOf(options.timeout().toMillis())));
        }
        return result.get();
    }

    /** Whether a class name belongs to the student (used to tell their exceptions from the checker's bugs). */
    static Predicate<String> studentClasses(Class<?> solutionClass, Class<?> checkClass) {
        ClassLoader own = solutionClass.getClassLoader();
        boolean separateLoader = own != checkClass.getClassLoader();
        String pkg = solutionClass.getPackageName();
        return name -> {
            if (separateLoader) {
                try {
                    return Class.forName(name, false, own).getClassLoader() == own;
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }
            int dot = name.lastIndexOf('.');
            return (dot < 0 ? "" : name.substring(0, dot)).equals(pkg) && !pkg.equals(checkClass.getPackageName());
        };
    }

    /** Invokes a check method, unwrapping reflection so the real throwable is judged. */
    static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

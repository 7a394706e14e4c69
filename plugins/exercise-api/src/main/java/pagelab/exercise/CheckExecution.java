package pagelab.exercise;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.function.Function;
import java.util.function.Predicate;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;

/**
 * One run of one check: makes the machine, the process, the check instance and the parameters, calls the check
 * method and judges whatever it threw. Used once, by one thread.
 */
final class CheckExecution {
    private final Exercise exercise;
    private final CheckPlan plan;
    private final CheckInfo info;
    private final Class<?> solutionClass;
    private final long seed;
    private final Function<MachineConfig, Machine> machines;
    private final Predicate<String> isStudent;

    CheckExecution(Exercise exercise, CheckPlan plan, CheckInfo info, Class<?> solutionClass, long seed,
                   Function<MachineConfig, Machine> machines) {
        this.exercise = exercise;
        this.plan = plan;
        this.info = info;
        this.solutionClass = solutionClass;
        this.seed = seed;
        this.machines = machines;
        this.isStudent = CheckRunner.studentClasses(solutionClass, plan.checkClass());
    }

    /** The check's unscored result; never throws. */
    CheckResult call() {
        Object instance;
        try {
            instance = plan.newChecks();
        } catch (InvalidExerciseException e) {
            return CheckResult.error("Cannot create the check class " + plan.checkClass().getName() + ": "
                    + e.getMessage());
        }
        Machine machine;
        try {
            machine = machines.apply(exercise.machineConfig().seed(seed));
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.error("Cannot create the simulated machine: " + e.getMessage());
        }
        CheckContext ctx = null;
        AddressSpaceSnapshot initial = null;
        try {
            WinProcess process = machine.createProcess();
            initial = process.inspector().snapshot();
            ctx = new CheckContext(info, machine, process, this::newSolution, seed);
            Object result = CheckRunner.invoke(plan.method(info.id()), instance, arguments(ctx));
            return withRun(result != null ? (CheckResult) result
                    : CheckResult.error("The check " + info.id() + " returned null instead of a CheckResult."), ctx,
                    initial);
        } catch (CheckFailedException e) {
            return withRun(afterInjectedFailure(e.result(), ctx), ctx, initial);
        } catch (Throwable t) {
            CheckResult r = Failures.describe(t, isStudent, this::isChecker);
            return ctx == null ? r : withCrashEvidence(afterInjectedFailure(r, ctx), ctx);
        } finally {
            closeQuietly(machine);
        }
    }

    /**
     * A check that ended early (a crash, an exception) after it made a kernel call fail on purpose: unless the
     * checker diagnosed something else, the student used what the failed call never gave them, so say that.
     */
    private static CheckResult afterInjectedFailure(CheckResult r, CheckContext ctx) {
        if (ctx == null || r.failureMode() != null || r.status() != CheckStatus.FAIL) {
            return r;
        }
        KernelCall failed = ctx.injectedFailure();
        if (failed == null) {
            return r;
        }
        return r.hint("ignores-failed-call", failed.function() + " failed during this check with "
                + Win32Names.error(failed.lastError()) + " (the check made it fail, as a full system would). Check "
                + "its result before you use what it would have given you, and report the failure.");
    }

    // The check class and its helpers live in the exercise's package.
    private boolean isChecker(String className) {
        String pkg = plan.checkClass().getPackageName();
        return !pkg.isEmpty() && className.startsWith(pkg + ".") && !isStudent.test(className);
    }

    private static CheckResult withCrashEvidence(CheckResult r, CheckContext ctx) {
        try {
            return r.evidence(ctx.traceEvidence());
        } catch (RuntimeException e) {
            return r; // the evidence is a courtesy; the failure message already says what happened
        }
    }

    /** A check that did not pass carries its run, so the student can step through what their code did. */
    private static CheckResult withRun(CheckResult r, CheckContext ctx,
                                       AddressSpaceSnapshot initial) {
        if (r.status() == CheckStatus.PASS || r.status() == CheckStatus.SKIPPED) {
            return r;
        }
        try {
            return r.evidence(Evidence.run("The check's run", initial, ctx.machine().inspector().trace()));
        } catch (RuntimeException e) {
            return r; // the evidence is a courtesy; the result stands without it
        }
    }

    private static void closeQuietly(Machine machine) {
        try {
            machine.close();
        } catch (RuntimeException e) {
            // The check's result is already decided; a machine that fails to close is dropped with its JVM heap.
        }
    }

    private Object[] arguments(CheckContext ctx) {
        Method m = plan.method(info.id());
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = resolve(params[i].getType(), ctx, m);
        }
        return args;
    }

    // JUnit-style resolution by declared type; order of tests matters only for Object, which is not supported.
    private Object resolve(Class<?> type, CheckContext ctx, Method m) {
        if (type == CheckContext.class) {
            return ctx;
        } else if (type == Machine.class) {
            return ctx.machine();
        } else if (type == WinProcess.class) {
            return ctx.process();
        } else if (type == Kernel32.class) {
            return ctx.kernel32();
        } else if (type == Memory.class) {
            return ctx.memory();
        } else if (type == SolutionFactory.class) {
            return (SolutionFactory<Object>) this::newSolution;
        } else if (type != Object.class && type.isAssignableFrom(solutionClass)) {
            return newSolution();
        }
        throw new InvalidExerciseException(plan.checkClass().getSimpleName() + "." + m.getName()
                + ": cannot resolve a parameter of type " + type.getName());
    }

    private Object newSolution() {
        try {
            Constructor<?> c = solutionClass.getConstructor();
            return c.newInstance();
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (NoSuchMethodException e) {
            throw new InvalidSolutionException(solutionClass.getSimpleName()
                    + " needs a public constructor without parameters.");
        } catch (IllegalAccessException | InstantiationException e) {
            throw new InvalidSolutionException(solutionClass.getSimpleName() + " cannot be instantiated: "
                    + e.getMessage() + " (make the class public and not abstract)");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}

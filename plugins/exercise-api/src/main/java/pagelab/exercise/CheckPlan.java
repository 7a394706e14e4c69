package pagelab.exercise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a check class in the order they run: by {@link Check#order()} then id, with every check after
 * its prerequisites. Built once per class and validated, so a badly declared check is found when the plugin is
 * verified, not when a student presses Check. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CheckPlan {
    private final Class<?> checkClass;
    private final List<CheckInfo> checks;
    private final Map<String, Method> methods;

    private CheckPlan(Class<?> checkClass, List<CheckInfo> checks, Map<String, Method> methods) {
        this.checkClass = checkClass;
        this.checks = List.copyOf(checks);
        this.methods = methods;
    }

    /**
     * Reads and validates the {@link Check} methods of {@code checkClass}.
     *
     * @throws InvalidExerciseException naming the method and the problem
     */
    public static CheckPlan of(Class<?> checkClass) {
        Map<String, Method> methods = new LinkedHashMap<>();
        List<CheckInfo> declared = new ArrayList<>();
        for (Method m : checkClass.getMethods()) {
            Check c = m.getAnnotation(Check.class);
            if (c == null) {
                continue;
            }
            validate(checkClass, m, c, methods);
            methods.put(m.getName(), m);
            declared.add(new CheckInfo(m.getName(), c.title(), c.points(), Arrays.asList(c.after()), c.order()));
        }
        if (declared.isEmpty()) {
            throw new InvalidExerciseException(checkClass.getName() + " has no public @Check methods");
        }
        declared.sort(Comparator.comparingInt(CheckInfo::order).thenComparing(CheckInfo::id));
        return new CheckPlan(checkClass, orderByPrerequisites(checkClass, declared), methods);
    }

    private static void validate(Class<?> cls, Method m, Check c, Map<String, Method> seen) {
        String where = cls.getSimpleName() + "." + m.getName();
        if (seen.containsKey(m.getName())) {
            throw new InvalidExerciseException(where + ": check ids are method names and must be unique");
        }
        if (m.getReturnType() != CheckResult.class) {
            throw new InvalidExerciseException(where + " must return CheckResult");
        }
        if (Modifier.isStatic(m.getModifiers())) {
            throw new InvalidExerciseException(where + " must not be static (a fresh instance runs each check)");
        }
        if (c.points() <= 0) {
            throw new InvalidExerciseException(where + ": points must be positive, got " + c.points());
        }
        if (c.title().isBlank()) {
            throw new InvalidExerciseException(where + ": give the check a title");
        }
    }

    // Kahn's algorithm over the (order, id)-sorted list, so the result is stable and respects `after`.
    private static List<CheckInfo> orderByPrerequisites(Class<?> cls, List<CheckInfo> sorted) {
        Map<String, CheckInfo> byId = new LinkedHashMap<>();
        sorted.forEach(c -> byId.put(c.id(), c));
        for (CheckInfo c : sorted) {
            for (String p : c.after()) {
                if (!byId.containsKey(p)) {
                    throw new InvalidExerciseException(cls.getSimpleName() + "." + c.id() + ": after = \"" + p
                            + "\" names no check; checks are " + byId.keySet());
                }
            }
        }
        // by position and id, never CheckInfo.equals: a record's equals is linked on its first call, which would
        // cost every grading child (a fresh JVM) tens of milliseconds
        List<CheckInfo> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<CheckInfo> pending = new ArrayList<>(sorted);
        while (!pending.isEmpty()) {
            int next = 0;
            while (next < pending.size() && !done.containsAll(pending.get(next).after())) {
                next++;
            }
            if (next == pending.size()) {
                throw new InvalidExerciseException(cls.getSimpleName()
                        + ": the after = ... prerequisites form a cycle among " + pending.stream()
                        .map(CheckInfo::id).toList());
            }
            CheckInfo ready = pending.remove(next);
            out.add(ready);
            done.add(ready.id());
        }
        return out;
    }

    /** The class the checks are declared in. */
    public Class<?> checkClass() {
        return checkClass;
    }

    /**
     * A fresh instance of the check class, as every check gets one.
     *
     * @throws InvalidExerciseException saying why there is none: no public no-argument constructor, or what the
     *                                  constructor threw (its exception and the check class's lines it ran)
     * @since 0.1.1
     */
    public Object newChecks() {
        String name = checkClass.getSimpleName();
        try {
            return checkClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw thrown("the constructor of " + name, e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw thrown("the static initialiser of " + name, e.getCause());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new InvalidExerciseException(name + " needs a public constructor without parameters", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidExerciseException(name + " cannot be instantiated: " + e, e);
        }
    }

    // "the constructor of XChecks threw IllegalStateException: ...", and where in the check class it was thrown.
    private InvalidExerciseException thrown(String what, Throwable cause) {
        StringBuilder where = new StringBuilder();
        for (StackTraceElement f : cause.getStackTrace()) {
            if (f.getClassName().startsWith(checkClass.getName())) {
                where.append("\n    at ").append(f);
            }
        }
        return new InvalidExerciseException(what + " threw " + cause + where, cause);
    }

    /** The checks in run order. */
    public List<CheckInfo> checks() {
        return checks;
    }

    /** The check with {@code id}, or null. */
    public CheckInfo check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** The sum of every check's points. */
    public int maxPoints() {
        return checks.stream().mapToInt(CheckInfo::points).sum();
    }

    /**
     * Why {@code check} must be skipped given the results so far, or null if it may run. A host that runs checks
     * one at a time (e.g. one request per check to a child JVM) calls this between them.
     */
    public String skipReason(CheckInfo check, Map<String, CheckResult> resultsSoFar) {
        Msg m = skipMessage(check, resultsSoFar);
        return m == null ? null : m.english();
    }

    /**
     * {@link #skipReason} as a translatable message ({@code pagelab.skipped}, whose argument is the prerequisite's
     * title, {@link Msg#title}), or null if the check may run.
     *
     * @since 0.1.3
     */
    public Msg skipMessage(CheckInfo check, Map<String, CheckResult> resultsSoFar) {
        for (String p : check.after()) {
            CheckResult r = resultsSoFar.get(p);
            if (r == null || !r.scoredAny()) {
                CheckInfo pre = check(p);
                return Msg.of("pagelab.skipped", "Skipped: it builds on \"{0}\", which did not pass.",
                        pre == null ? Msg.text(p) : Msg.title(pre.id(), pre.title()));
            }
        }
        return null;
    }

    Method method(String id) {
        return methods.get(id);
    }
}

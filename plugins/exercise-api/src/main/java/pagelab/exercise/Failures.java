package pagelab.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;

/**
 * Turns whatever a check threw into a result a student can act on. A throwable from the student's code (or a
 * crash of the simulated process) is a {@link CheckStatus#FAIL} naming what happened and where in their code;
 * anything else is the checker's own bug, an {@link CheckStatus#ERROR}.
 */
final class Failures {
    private static final int MAX_FRAMES = 5;

    private Failures() {
    }

    /**
     * @param t         what the check threw (already unwrapped from reflection wrappers)
     * @param isStudent whether a class name belongs to the student's sources
     */
    static CheckResult describe(Throwable t, Predicate<String> isStudent) {
        return describe(t, isStudent, name -> true);
    }

    /**
     * @param isChecker whether a class name belongs to the exercise's checker, to tell its bugs from the kernel's
     */
    static CheckResult describe(Throwable t, Predicate<String> isStudent, Predicate<String> isChecker) {
        List<String> frames = studentFrames(t, isStudent);
        String where = frames.isEmpty() ? "" : "\n" + String.join("\n", frames);
        if (t instanceof InvalidSolutionException) {
            return CheckResult.fail(t.getMessage());
        }
        if (t instanceof InvalidExerciseException) {
            return CheckResult.error("The exercise is built wrong (please report this to its author): "
                    + t.getMessage());
        }
        if (t instanceof UnhandledSehException e) {
            return CheckResult.fail(Msg.of("pagelab.crashed", "The simulated process crashed: {0}, and no __except "
                    + "filter handled it.{1}", Win32Names.exception(e.record()), where))
                    .hint("unhandled-fault", "Look at the faulting address: is that page committed, and with the "
                            + "protection you need?");
        }
        if (t instanceof ProcessTerminatedException e) {
            return CheckResult.fail(Msg.of("pagelab.process-ended", "The simulated process ended (exit code {0}) "
                    + "while the solution ran: {1}{2}", Win32Names.hex(e.exitCode()), e.getMessage(), where))
                    .hint("process-ended", "Something in the solution ended the process: look at the last kernel "
                            + "calls before it ended.");
        }
        if (t instanceof StackOverflowError) {
            return CheckResult.fail(Msg.of("pagelab.stack-overflow", "The solution recursed without end "
                    + "(java.lang.StackOverflowError).{0}", where))
                    .hint("endless-recursion", "A method calls itself (or a cycle of methods calls itself) with no "
                            + "case that stops: look at the first frames above.");
        }
        if (t instanceof OutOfMemoryError) {
            return CheckResult.fail(Msg.of("pagelab.java-heap", "The solution ran the Java heap out of memory ({0})."
                    + "{1}", String.valueOf(t.getMessage()), where))
                    .hint("java-heap", "Keep simulated memory in the simulated process: a Java array as large as "
                            + "the region is not needed.");
        }
        if (t instanceof ExceptionInInitializerError e && e.getCause() != null) {
            return CheckResult.fail(Msg.of("pagelab.static-initialiser", "A static initialiser of the solution "
                    + "threw {0}{1}", e.getCause().toString(), where))
                    .hint("java-exception", "A static field's initialiser failed: move the work into a method.");
        }
        if (!frames.isEmpty() || isStudent.test(t.getClass().getName())) {
            // an exception class of the solution's own is the solution's, whatever stack trace it claims
            return CheckResult.fail(Msg.of("pagelab.threw", "The solution threw {0}{1}", t.toString(), where))
                    .hint("java-exception", "Read the first line under the exception: that line of your code threw "
                            + "it. Check indexes and sizes there against the layout the exercise describes.");
        }
        boolean checkerInvolved = Arrays.stream(t.getStackTrace())
                .anyMatch(e -> isChecker.test(e.getClassName()));
        return CheckResult.error((checkerInvolved
                ? "The checker failed (please report this to the exercise's author): "
                : "The simulated kernel or the runner failed (please report this to PageLab): ") + t
                + "\n" + topFrames(t));
    }

    private static List<String> studentFrames(Throwable t, Predicate<String> isStudent) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (out.size() < MAX_FRAMES && isStudent.test(e.getClassName())) {
                out.add("    at " + Win32Names.frame(e));
            }
        }
        return out;
    }

    private static String topFrames(Throwable t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(MAX_FRAMES, st.length); i++) {
            b.append("    at ").append(st[i]).append('\n');
        }
        return b.toString().stripTrailing();
    }
}

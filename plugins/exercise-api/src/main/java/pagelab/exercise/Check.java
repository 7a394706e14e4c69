package pagelab.exercise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an exercise's check class as a graded check, as xv6's {@code @test(points, title, parent)}.
 * The check's id is the method's name.
 *
 * <p>The method is public, returns {@link CheckResult}, and may declare parameters of these types, which the
 * runner resolves as JUnit resolves test parameters: {@code Machine} (fresh for this check, fixed seed),
 * {@code WinProcess} (a fresh process of that machine), {@code Kernel32} and {@code Memory} (of that process),
 * {@link CheckContext}, {@link SolutionFactory}, and the exercise's solution interface (a new instance of the
 * student's class). It may throw {@link CheckFailedException} to stop with a result; anything else thrown is
 * turned into a failed or error result by the runner.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
    /** The most points the check awards; positive. */
    int points();

    /** What the check verifies, for the student, e.g. "Reading an unused cell commits nothing". */
    String title();

    /**
     * Ids of checks that must pass (fully or partly) before this one runs; if one of them scores zero, this
     * check is skipped with zero points and a message naming the prerequisite.
     */
    String[] after() default {};

    /** Position in the report: lower first, then by id; prerequisites always run first. */
    int order() default 0;
}

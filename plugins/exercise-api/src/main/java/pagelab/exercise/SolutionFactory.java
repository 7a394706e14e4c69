package pagelab.exercise;

/**
 * Makes new instances of the student's solution class, for checks that need more than one (a parameter of the
 * solution interface's type gets a single fresh instance).
 *
 * @param <T> the exercise's solution interface
 * @since 0.1
 */
@FunctionalInterface
public interface SolutionFactory<T> {
    /**
     * A new instance made with the public no-argument constructor. Whatever the constructor throws propagates,
     * and the runner reports it as the student's failure.
     */
    T create();
}

package pagelab.exercise;

/**
 * How hard an exercise is for a student who read the chapter.
 *
 * @since 0.1
 */
public enum Difficulty {
    /** One idea from the chapter, applied once. */
    EASY,
    /** Several ideas combined, or one with an error path. */
    MEDIUM,
    /** Needs a design of its own and careful handling of failures. */
    HARD
}

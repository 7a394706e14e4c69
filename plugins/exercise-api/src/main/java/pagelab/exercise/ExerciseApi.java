package pagelab.exercise;

/**
 * The version of this API. A plugin names the range it needs in its {@code Plugin-Requires} manifest entry
 * (e.g. {@code >=0.1.0 & <0.2.0}); the host refuses a plugin whose range excludes {@link #VERSION}.
 *
 * @since 0.1
 */
public final class ExerciseApi {
    /**
     * The API version the host offers, as semantic versioning: a minor bump adds, a major bump breaks. 0.1.1 added
     * the marked reference ({@link MarkedSource}), the workshop track's place ({@link ExerciseDescriptor#onTrack})
     * and {@link CheckPlan#newChecks} without a minor bump, so that plugins built for 0.1.0 (whose default range
     * ends before 0.2.0) keep loading; a plugin that uses them requires {@code >=0.1.1}. 0.1.2 added diagnosed
     * failure modes ({@link CheckResult#hint(String, String)}, {@link KnownWrongSolution#hint}). 0.1.3 added
     * translatable messages ({@link Msg}, {@link CheckTexts#message}). 0.1.4 added translatable evidence notes and
     * captions ({@link Evidence#note(Msg, Msg...)}, {@link Evidence#captioned}).
     */
    public static final String VERSION = "0.1.4";

    private ExerciseApi() {
    }
}

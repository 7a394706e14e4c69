package pagelab.exercise;

/**
 * The version of this API. A plugin names the range it needs in its {@code Plugin-Requires} manifest entry
 * (e.g. {@code >=0.1.0 & <0.2.0}); the host refuses a plugin whose range excludes {@link #VERSION}.
 *
 * @since 0.1
 */
public final class ExerciseApi {
    /** The API version the host offers, as semantic versioning: a minor bump adds, a major bump breaks. */
    public static final String VERSION = "0.1.0";

    private ExerciseApi() {
    }
}

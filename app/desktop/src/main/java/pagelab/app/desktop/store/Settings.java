package pagelab.app.desktop.store;

/**
 * The user's preferences. Immutable; change one with a {@code with*} method and save the result.
 * Unknown or missing values in a settings file fall back to the defaults, so an older or newer file still loads.
 *
 * @param theme    {@code "light"} or {@code "dark"}
 * @param fontSize the UI font size in points (8 to 32)
 * @param language {@code "system"} (follow the system locale), {@code "en"} or {@code "zh"}
 * @param window   the main window's last layout
 * @param lastExercise the exercise open at the last exit, or empty
 */
public record Settings(String theme, int fontSize, String language, WindowLayout window, String lastExercise) {
    public static final int MIN_FONT = 8;
    public static final int MAX_FONT = 32;
    public static final int DEFAULT_FONT = 13;

    public Settings {
        theme = "dark".equals(theme) ? "dark" : "light";
        fontSize = fontSize < MIN_FONT || fontSize > MAX_FONT ? DEFAULT_FONT : fontSize;
        language = "en".equals(language) || "zh".equals(language) ? language : "system";
        window = window == null ? WindowLayout.unset() : window;
        lastExercise = lastExercise == null ? "" : lastExercise;
    }

    public static Settings defaults() {
        return new Settings("light", DEFAULT_FONT, "system", WindowLayout.unset(), "");
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public Settings withTheme(String value) {
        return new Settings(value, fontSize, language, window, lastExercise);
    }

    public Settings withFontSize(int value) {
        return new Settings(theme, Math.max(MIN_FONT, Math.min(MAX_FONT, value)), language, window, lastExercise);
    }

    public Settings withLanguage(String value) {
        return new Settings(theme, fontSize, value, window, lastExercise);
    }

    public Settings withWindow(WindowLayout value) {
        return new Settings(theme, fontSize, language, value, lastExercise);
    }

    public Settings withLastExercise(String value) {
        return new Settings(theme, fontSize, language, window, value);
    }
}

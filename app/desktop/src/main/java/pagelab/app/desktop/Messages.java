package pagelab.app.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the desktop shows, from {@code pagelab/app/desktop/messages*.properties} (English is the base
 * bundle, {@code _zh_CN} Simplified Chinese). The locale is chosen once at startup from the settings.
 *
 * <p>A missing key never throws: it shows as {@code !key!} so that the gap is visible and the app keeps running.
 */
public final class Messages {
    private static final String BUNDLE = "pagelab.app.desktop.messages";
    // No fallback to the JVM's default locale: "English" must mean English on a Chinese system too.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(), CONTROL);
    private static volatile Locale requested = Locale.getDefault();

    private Messages() {
    }

    /**
     * The locale a language setting means: {@code "en"}, {@code "zh"} or {@code "system"} (the JVM's default).
     */
    public static Locale localeFor(String language, Locale system) {
        switch (language == null ? "system" : language) {
            case "en":
                return Locale.ENGLISH;
            case "zh":
                return Locale.SIMPLIFIED_CHINESE;
            default:
                return system;
        }
    }

    /** Switches the UI language; windows built afterwards use it. */
    public static void use(Locale locale) {
        bundle = ResourceBundle.getBundle(BUNDLE, locale, CONTROL);
        requested = locale;
    }

    /** The UI language chosen, e.g. for picking an exercise's translated instructions. */
    public static Locale uiLocale() {
        return requested;
    }

    /** The locale of the strings in use ({@link Locale#ROOT} for the English base bundle). */
    public static Locale locale() {
        return bundle.getLocale();
    }

    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The string for {@code key} with {@link MessageFormat} arguments ({@code {0}}, {@code {1}} ...). */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}

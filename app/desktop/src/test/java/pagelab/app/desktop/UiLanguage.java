package pagelab.app.desktop;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The desktop's UI language for one test ({@code @RegisterExtension UiLanguage language = new UiLanguage()}):
 * {@link #use} switches it, and after each test it is English again, as the other tests expect it.
 */
public final class UiLanguage implements AfterEachCallback {
    /** Shows the desktop's words in {@code locale}'s language from now on (until the test ends). */
    public void use(Locale locale) {
        Messages.use(locale);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Messages.use(Locale.ENGLISH);
    }
}

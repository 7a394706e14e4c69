package pagelab.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's own words on the terminal (what a command prints besides its report, and its errors) in one
 * language, from {@code pagelab/app/cli/cli*.properties}: English is the base bundle and prints exactly what the
 * commands printed before these words were translatable; {@code _zh_CN} is Simplified Chinese. The usage help is
 * picocli's, from {@code usage_zh_CN.properties} ({@link UsageText}). Machine-read output (CSV, JSON, the
 * {@code --format} reports, exit codes) never comes from here.
 */
final class CliText {
    static final String BUNDLE = "pagelab.app.cli.cli";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** English whatever the JVM's locale: the base bundle. */
    static final CliText ENGLISH = new CliText(Locale.ROOT);

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private final ResourceBundle bundle;

    private CliText(Locale locale) {
        // no fallback to the JVM's locale: English asked for on a Chinese machine stays English
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, CliText.class.getClassLoader(), NO_FALLBACK);
    }

    /** The words for {@code locale}; a language PageLab does not speak reads as English. */
    static CliText of(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")) {
            return ENGLISH;
        }
        CliText t = new CliText(locale);
        return t.english() ? ENGLISH : t;
    }

    /**
     * The language a command line asks for: its {@code --lang LANG} (or {@code --lang=LANG}) when it has one, for
     * the commands that take it ({@code check}, {@code grade}, {@code autograder}); else the JVM's default locale,
     * the user's. Read before picocli parses, so that {@code --help} and parse errors follow it too.
     */
    static Locale locale(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break; // what follows is positional parameters, even "--lang"
            }
            if (a.equals("--lang") && i + 1 < args.size()) {
                return localeOf(args.get(i + 1));
            }
            if (a.startsWith("--lang=")) {
                return localeOf(a.substring("--lang=".length()));
            }
        }
        return Locale.getDefault();
    }

    private static Locale localeOf(String lang) {
        return lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang.trim().replace('_', '-'));
    }

    boolean english() {
        return bundle.getLocale().getLanguage().isEmpty();
    }

    /** The text of {@code key}; a key the bundle lacks reads as {@code !key!}. */
    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /**
     * {@code key}'s text with {@code {0}}, {@code {1}} ... replaced by the arguments as Java prints them. Plain
     * replacement, not MessageFormat: the words keep their apostrophes ("the starter's files") as they are.
     */
    String format(String key, Object... args) {
        Matcher m = ARGUMENT.matcher(get(key));
        StringBuilder b = new StringBuilder();
        while (m.find()) { // in one pass, so that an argument holding "{1}" stays as it is
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        return m.appendTail(b).toString();
    }
}

package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An exercise's own translations of what a student reads about its checks, from the resource bundle
 * {@code FOLDER/checks} of the exercise's plugin ({@code sparse-cells/checks_zh_CN.properties}): a check's title under
 * {@code check.ID.title}, the hint of a failure mode under {@code hint.MODE}. Ids, not English sentences, are the
 * keys, which is why hints carry their failure mode ({@link CheckResult#hint(String, String)}). A key the bundle lacks
 * keeps the English text, and an exercise without a bundle reads as it always did.
 *
 * <p>Messages, which carry the check's numbers and addresses, are not translated yet (issue 16).
 *
 * @since 0.1.2
 */
public final class CheckTexts {
    private final ResourceBundle bundle;

    private CheckTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The bundle's base name for an exercise's resource folder, e.g. {@code sparse-cells/checks}. */
    public static String baseName(String folder) {
        return folder + "/checks";
    }

    /**
     * The texts of {@code exercise} in {@code locale}, read through the exercise's class loader from the bundle of
     * its id; English (no translation) when the locale is null or English, or the exercise has no bundle for it.
     */
    public static CheckTexts of(Exercise exercise, Locale locale) {
        if (locale == null || locale.getLanguage().equals("en") || locale.getLanguage().isEmpty()) {
            return new CheckTexts(null);
        }
        try {
            ResourceBundle b = ResourceBundle.getBundle(baseName(exercise.descriptor().id()), locale,
                    exercise.getClass().getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            return new CheckTexts(b.getLocale().getLanguage().equals(locale.getLanguage()) ? b : null);
        } catch (MissingResourceException e) {
            return new CheckTexts(null);
        }
    }

    /** Whether this is a translation (the exercise has a bundle for the locale asked for). */
    public boolean translated() {
        return bundle != null;
    }

    /** The translated title of check {@code id}, or null. */
    public String title(String id) {
        return get("check." + id + ".title");
    }

    /** The translated hint of failure mode {@code mode}, or null. */
    public String hint(String mode) {
        return mode == null ? null : get("hint." + mode);
    }

    /** {@code report} with every title and every hint this bundle translates in its place. */
    public GradeReport apply(GradeReport report) {
        if (bundle == null) {
            return report;
        }
        List<CheckResult> out = new ArrayList<>();
        for (CheckResult c : report.results()) {
            String title = title(c.checkId());
            String hint = c.hint() == null ? null : hint(c.failureMode());
            out.add(new CheckResult(c.checkId(), title == null ? c.title() : title, c.status(), c.points(),
                    c.maxPoints(), c.message(), c.expected(), c.actual(), hint == null ? c.hint() : hint,
                    c.evidence(), c.failureMode()));
        }
        return new GradeReport(report.exerciseId(), report.seed(), out);
    }

    private String get(String key) {
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : null;
    }
}

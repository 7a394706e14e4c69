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
 * <p>Messages, which carry the check's numbers and addresses, are translated when the check built them from
 * {@link Msg}s: the bundle gives the pattern of message {@code KEY} under {@code msg.KEY}, formatted with the
 * message's own arguments (so {@code msg.commits-on-open=open 已经调拨了 {0} 页}). Messages of the API itself (a
 * {@link Tally}'s "... and N more", an {@link Economy} score) have keys that start with {@code pagelab.}; PageLab
 * translates those ({@code pagelab/exercise/checks_zh_CN.properties}), and an exercise's bundle may say them its own
 * way. Since 0.1.3.
 *
 * @since 0.1.2
 */
public final class CheckTexts {
    private final ResourceBundle bundle;
    private final ResourceBundle api;

    private CheckTexts(ResourceBundle bundle) {
        this.bundle = bundle;
        this.api = bundle == null ? null : apiBundle(bundle.getLocale());
    }

    // PageLab's own translations of the API's messages, for the language of the exercise's bundle.
    private static ResourceBundle apiBundle(Locale locale) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("pagelab/exercise/checks", locale,
                    CheckTexts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES));
            return b.getLocale().getLanguage().equals(locale.getLanguage()) ? b : null;
        } catch (MissingResourceException e) {
            return null;
        }
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

    /**
     * The translated pattern of message {@code key} ({@code msg.KEY}), from the exercise's bundle or else PageLab's
     * own, or null.
     *
     * @since 0.1.3
     */
    public String message(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith(Msg.TITLE_KEY_PREFIX)) { // a check's title inside a sentence (Msg.title)
            return title(key.substring(Msg.TITLE_KEY_PREFIX.length()));
        }
        String p = get("msg." + key);
        return p != null || api == null || !api.containsKey("msg." + key) ? p : api.getString("msg." + key);
    }

    /**
     * The translated caption of an evidence section captioned {@code title} in English, from the exercise's bundle or
     * else PageLab's own, or null. The key is {@code evidence.} and the caption's words in lower case joined by
     * {@code -}: "Address space after open" is {@code evidence.address-space-after-open}. A caption of fixed words
     * followed by a changing part (a name, a number) is translated by a pattern keyed by its leading words and
     * {@code .with}, the rest of the caption as {@code {0}}: "Heap 0x00230000" by {@code evidence.heap.with=堆 {0}}
     * (the longest leading run with a pattern wins). A caption whose changing part comes first is not translated.
     *
     * @since 0.1.3
     */
    public String evidenceTitle(String title) {
        if (bundle == null || title == null) {
            return null;
        }
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) {
            return null; // not English (already translated) or no words at all
        }
        String t = evidenceText("evidence." + slug);
        if (t != null) {
            return t;
        }
        // A caption made of fixed words and then a changing part ("GetSystemInfo on x86", "Heap 0x00230000"): the
        // longest run of leading words that has a pattern (key evidence.<words>.with) gets the rest as {0}.
        String[] words = title.trim().split(" +");
        for (int n = words.length - 1; n >= 1; n--) {
            String head = String.join(" ", java.util.Arrays.copyOf(words, n));
            String headSlug = head.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            String pattern = headSlug.isEmpty() ? null : evidenceText("evidence." + headSlug + ".with");
            if (pattern != null) {
                String rest = String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length));
                try {
                    return Msg.format(pattern, bundle.getLocale(), rest);
                } catch (IllegalArgumentException broken) {
                    // a broken pattern counts as none: a shorter head, or else the English caption
                }
            }
        }
        return null;
    }

    private String evidenceText(String key) {
        String t = get(key);
        return t != null || api == null || !api.containsKey(key) ? t : api.getString(key);
    }

    /**
     * The keys of the translatable texts of {@code result} that this translation lacks (none when this is no
     * translation).
     *
     * @since 0.1.3
     */
    public java.util.Set<String> missing(CheckResult result) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (bundle != null) {
            result.messageKeys().stream().filter(k -> message(k) == null).forEach(out::add);
        }
        return out;
    }

    /** {@code report} with every title, message and hint this bundle translates in its place. */
    public GradeReport apply(GradeReport report) {
        if (bundle == null) {
            return report;
        }
        List<CheckResult> out = new ArrayList<>();
        for (CheckResult c : report.results()) {
            out.add(apply(c));
        }
        return new GradeReport(report.exerciseId(), report.seed(), out);
    }

    /**
     * {@code c} as the student reads it: its title, message, expected and actual values and hint translated where
     * this bundle can, the English where it cannot. The translatable parts stay, so a result translated once can be
     * translated again.
     *
     * @since 0.1.3
     */
    public CheckResult apply(CheckResult c) {
        if (bundle == null) {
            return c;
        }
        String title = c.checkId() == null ? null : title(c.checkId());
        String message = c.messageParts().isEmpty() ? c.message()
                : String.join("\n", c.messageParts().stream().map(this::text).toList());
        String hint = c.hint() == null ? null : c.hintMsg() != null && c.hintMsg().keyed()
                && message(c.hintMsg().key()) != null ? text(c.hintMsg()) : hint(c.failureMode());
        List<Evidence> evidence = c.evidence().stream().map(this::apply).toList();
        return new CheckResult(c.checkId(), title == null ? c.title() : title, c.status(), c.points(),
                c.maxPoints(), message, c.expectedMsg() == null ? c.expected() : text(c.expectedMsg()),
                c.actualMsg() == null ? c.actual() : text(c.actualMsg()), hint == null ? c.hint() : hint,
                evidence, c.failureMode(), c.messageParts(), c.expectedMsg(), c.actualMsg(), c.hintMsg());
    }

    /**
     * {@code e} as the student reads it: its caption translated (its {@link Evidence#titleMsg}, or else by its words,
     * {@link #evidenceTitle}) and its lines too when they are translatable ({@link Evidence#lineMsgs}); what this
     * bundle lacks stays English.
     *
     * @since 0.1.4
     */
    public Evidence apply(Evidence e) {
        if (bundle == null) {
            return e;
        }
        Msg t = e.titleMsg();
        String caption = t != null && t.keyed() && message(t.key()) != null ? text(t) : evidenceTitle(e.title());
        List<String> lines = e.lineMsgs().isEmpty() ? e.lines() : e.lineMsgs().stream().map(this::text).toList();
        Msg leftOut = lines.isEmpty() || !e.lineMsgs().isEmpty() ? null : Evidence.leftOut(lines.get(0));
        if (leftOut != null) { // plain lines, trimmed: the API's own first line is translatable all the same
            lines = new ArrayList<>(lines);
            lines.set(0, text(leftOut));
        }
        return caption == null && lines == e.lines() ? e : e.shown(caption == null ? e.title() : caption, lines);
    }

    /**
     * {@code msg} in this bundle's language, or in English where the bundle lacks a pattern.
     *
     * @since 0.1.3
     */
    public String text(Msg msg) {
        return msg.in(bundle == null ? null : this::message, bundle == null ? Locale.ENGLISH : bundle.getLocale());
    }

    private String get(String key) {
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : null;
    }
}

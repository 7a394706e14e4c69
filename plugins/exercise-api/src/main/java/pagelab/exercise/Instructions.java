package pagelab.exercise;

import java.util.Locale;

/**
 * Loads an exercise's Markdown instructions from plugin resources by locale, as {@code ResourceBundle} names
 * its files: {@code base.md} is the default (English), {@code base_zh_CN.md} the Simplified Chinese one.
 *
 * @since 0.1
 */
public final class Instructions {
    private Instructions() {
    }

    /**
     * The most specific translation of {@code base} for {@code locale}: {@code base_ll_CC.md}, then
     * {@code base_ll.md}, then {@code base.md}.
     *
     * @param anchor a class of the plugin
     * @param base   a resource path without {@code .md}, e.g. {@code sparse-cells/instructions}
     * @param locale the reader's locale; null means the default text
     * @throws IllegalStateException if not even {@code base.md} exists
     */
    public static String load(Class<?> anchor, String base, Locale locale) {
        return SourceSet.readResource(anchor, path(anchor, base, locale));
    }

    /** The resource {@link #load} reads: the most specific translation that exists, else {@code base.md}. */
    static String path(Class<?> anchor, String base, Locale locale) {
        ClassLoader loader = anchor.getClassLoader();
        if (locale != null) {
            String[] candidates = {base + "_" + locale.getLanguage() + "_" + locale.getCountry() + ".md",
                                   base + "_" + locale.getLanguage() + ".md"};
            for (String path : candidates) {
                if (!path.contains("__") && loader.getResource(path) != null) {
                    return path;
                }
            }
        }
        return base + ".md";
    }
}

package pagelab.testkit;

import java.util.regex.Pattern;

/**
 * Whether a text a student reads in their own language still says English words: the rule PageLab's tests hold
 * translations to. Code (dotted names such as {@code System.exit}, {@code CowLab.exe}, {@code .text}, a call's name
 * {@code add(}), Win32 names
 * ({@code HeapCreate}, {@code PAGE_READWRITE}, {@code lpMinimumApplicationAddress}), addresses and numbers are the
 * same in every language, so they do not count; a lower-case word of three letters or more does, and so does a
 * capitalised one ({@code Workload}), because a caption is often a single such word.
 */
public final class EnglishWords {
    private static final Pattern CODE = Pattern.compile("[\\w$]*(\\.[\\w$]+)+|[\\w$]+\\(|try/finally");
    private static final Pattern LOWER = Pattern.compile("\\b[a-z]{3,}\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]?[a-z]{3,}\\b");

    private EnglishWords() {
    }

    /** Whether {@code text} has a lower-case English word outside code (the rule for a translated sentence). */
    public static boolean lowerCaseIn(String text) {
        return text != null && LOWER.matcher(withoutCode(text)).find();
    }

    /**
     * Whether {@code text} has an English word outside code, capitalised or not (the rule for a caption or a line of
     * evidence, which may be one capitalised word); Win32 names in camel case do not count.
     */
    public static boolean in(String text) {
        return text != null && WORD.matcher(withoutCode(text)).find();
    }

    private static String withoutCode(String text) {
        return CODE.matcher(text).replaceAll("");
    }
}

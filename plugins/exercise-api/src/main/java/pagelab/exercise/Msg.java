package pagelab.exercise;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A sentence a student reads, kept translatable: an id, the English {@link MessageFormat} pattern and the
 * arguments, which carry the check's numbers and addresses. An exercise's translation holds the pattern of its
 * language under {@code msg.KEY} ({@link CheckTexts}); the English pattern is what a student reads without one.
 *
 * <pre>{@code
 * CheckResult.partial(6, Msg.of("commits-on-open", "open already committed {0} of the sheet's {1} pages",
 *         committed.size(), SHEET_PAGES));
 * }</pre>
 *
 * <p>Patterns are {@link MessageFormat} patterns with one difference: an apostrophe is just an apostrophe (write
 * {@code sheet's}, not {@code sheet''s}), so a pattern cannot quote a brace. Arguments are kept as they are for the
 * JSON a check's result travels in: an integral number as a {@link Long}, a fraction as a {@link Double}, a
 * {@code Msg} as itself (translated in its turn, e.g. a list of problems inside a sentence) and anything else as
 * its text, so format addresses with {@link Win32Names#hex} before passing them. A number is shown as
 * {@link Win32Names#pages} shows counts ({@code 1,600}) and a fraction with two decimals;
 * {@code {0,choice,0#0 pages|1#1 page|1<{0} pages}} chooses a plural.
 *
 * @param key     the message's id, unique within the exercise (letters, digits, {@code . _ -}); null for plain
 *                text that is not translated ({@link #text})
 * @param pattern the English pattern; for plain text, the text itself
 * @param args    the arguments, never null
 * @since 0.1.3
 */
public record Msg(String key, String pattern, List<Object> args) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Msg {
        if (pattern == null) {
            throw new IllegalArgumentException("Msg: pattern is null");
        }
        if (key != null && !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Msg: key \"" + key + "\" is not letters, digits, '.', '_' and '-'");
        }
        List<Object> kept = new ArrayList<>();
        for (Object a : args == null ? List.of() : args) {
            kept.add(normalise(a));
        }
        args = Collections.unmodifiableList(kept);
        if (key != null) {
            format(pattern, Locale.ENGLISH); // a broken pattern fails where it is written, not when a student reads it
        }
    }

    /** A translatable message: {@code key} names it, {@code pattern} is its English. */
    public static Msg of(String key, String pattern, Object... args) {
        if (key == null) {
            throw new IllegalArgumentException("Msg.of: key is null; use Msg.text for text that is not translated");
        }
        return new Msg(key, pattern, args == null ? List.of() : java.util.Arrays.asList(args));
    }

    /** Text that stays as it is in every language (a compiler's message, a name). */
    public static Msg text(String text) {
        return new Msg(null, text == null ? "" : text, List.of());
    }

    /** The key of check {@code checkId}'s title: a translation gives it as {@code check.ID.title}. */
    public static final String TITLE_KEY_PREFIX = "pagelab.title.";

    /**
     * The title of check {@code checkId} inside a sentence (the check a skipped one builds on): the translation of
     * the title is the translation's {@code check.ID.title}, and {@code title} is the English.
     */
    public static Msg title(String checkId, String title) {
        return new Msg(TITLE_KEY_PREFIX + checkId, "{0}", List.of(title == null ? checkId : title));
    }

    /** Whether a translation can replace this message ({@link #key} is set). */
    public boolean keyed() {
        return key != null;
    }

    /** The message in English. */
    public String english() {
        return in(null, Locale.ENGLISH);
    }

    /**
     * The message in {@code locale}, with the patterns {@code translation} gives for keys ({@code null}: the
     * English pattern); nested messages are translated the same way.
     */
    public String in(Translation translation, Locale locale) {
        if (key == null) {
            return pattern;
        }
        String p = translation == null ? null : translation.pattern(key);
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i) instanceof Msg m ? m.in(translation, locale) : args.get(i);
        }
        if (p != null) {
            try {
                return format(p, locale, values);
            } catch (IllegalArgumentException e) {
                // a broken translation reads as the English rather than failing the report; verification finds it
            }
        }
        return format(pattern, Locale.ENGLISH, values);
    }

    /** The keys of this message and of the messages among its arguments. */
    public Set<String> keys() {
        Set<String> out = new TreeSet<>();
        if (key != null) {
            out.add(key);
        }
        for (Object a : args) {
            if (a instanceof Msg m) {
                out.addAll(m.keys());
            }
        }
        return out;
    }

    /** Where translated patterns come from: the pattern for a key, or null to keep the English. */
    @FunctionalInterface
    public interface Translation {
        String pattern(String key);
    }

    /**
     * {@code pattern} formatted with {@code values} as {@link Msg} formats: apostrophes literal, numbers grouped
     * by thousands with commas, fractions with two decimals.
     *
     * @throws IllegalArgumentException if the pattern is not a valid {@link MessageFormat} pattern
     */
    public static String format(String pattern, Locale locale, Object... values) {
        MessageFormat f = new MessageFormat(pattern.replace("'", "''"), locale);
        Format[] formats = f.getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length && i < values.length; i++) {
            if (formats[i] == null && values[i] instanceof Long) {
                f.setFormatByArgumentIndex(i, new DecimalFormat("#,##0",
                        DecimalFormatSymbols.getInstance(Locale.ROOT)));
            } else if (formats[i] == null && values[i] instanceof Double) {
                f.setFormatByArgumentIndex(i, new DecimalFormat("0.00",
                        DecimalFormatSymbols.getInstance(Locale.ROOT)));
            }
        }
        return f.format(values);
    }

    // JSON gives back an integer as Integer and a nested Msg as a map: both are made what they were again.
    private static Object normalise(Object a) {
        if (a == null) {
            return "null";
        } else if (a instanceof Msg || a instanceof String || a instanceof Long || a instanceof Double) {
            return a;
        } else if (a instanceof Integer || a instanceof Short || a instanceof Byte
                || a instanceof java.math.BigInteger) {
            return ((Number) a).longValue();
        } else if (a instanceof Float || a instanceof java.math.BigDecimal) {
            return ((Number) a).doubleValue();
        } else if (a instanceof Map<?, ?> m && m.containsKey("pattern")) {
            Object args = m.get("args");
            return new Msg((String) m.get("key"), (String) m.get("pattern"),
                    args instanceof List<?> l ? new ArrayList<>(l) : List.of());
        }
        return String.valueOf(a);
    }
}

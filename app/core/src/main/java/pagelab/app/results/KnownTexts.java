package pagelab.app.results;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English texts of known shapes, each with the message key that says it in another language: what translates
 * the words PageLab and the simulator write in English ("Thread stack (TID 4)", "no .java files in dee") into a
 * bundle's. A pattern's groups (names, numbers, addresses, paths) are the key's arguments, in order.
 */
public final class KnownTexts {
    /** One shape: a pattern that must match the whole text, and the key that says it. */
    public record Known(Pattern pattern, String key) {
        public Known(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    /**
     * The key of the shape a text has, and the text's parts its pattern's groups took (null for an optional group
     * that took nothing).
     */
    public record Match(String key, List<String> groups) {
        /** The groups as {@link java.text.MessageFormat} arguments (a new array: callers may change it). */
        public Object[] arguments() {
            return groups.toArray();
        }
    }

    private final List<Known> known;

    private KnownTexts(List<Known> known) {
        this.known = List.copyOf(known);
    }

    public static KnownTexts of(Known... known) {
        return new KnownTexts(List.of(known));
    }

    /** The first shape {@code text} has, in the order given; empty for null and for a text of no known shape. */
    public Optional<Match> match(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Known k : known) {
            Matcher m = k.pattern().matcher(text);
            if (m.matches()) {
                String[] groups = new String[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1);
                }
                return Optional.of(new Match(k.key(), Collections.unmodifiableList(Arrays.asList(groups))));
            }
        }
        return Optional.empty();
    }

    /** The keys, in order (for tests that every one is translated). */
    public List<String> keys() {
        return known.stream().map(Known::key).toList();
    }
}

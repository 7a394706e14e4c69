package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A structural check of the block-style YAML PageLab writes (no YAML parser is on the class path): spaces only,
 * two-space indentation, every line a {@code key: value}, a {@code - } item, a comment or inside a {@code |} block,
 * and no indentation jumps of more than one level.
 */
final class Yaml {
    private static final Pattern KEY = Pattern.compile("(- )?[A-Za-z_][\\w-]*:( .*)?");
    private static final Pattern ITEM = Pattern.compile("- .+");

    private Yaml() {
    }

    static void assertWellFormed(String yaml) {
        int block = -1; // indentation of the key that opened a | block, or -1
        int previous = 0;
        int n = 0;
        for (String line : yaml.split("\n", -1)) {
            n++;
            assertThat(line).as("line %d has a tab", n).doesNotContain("\t");
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String body = line.strip();
            if (block >= 0 && indent > block) {
                continue;
            }
            block = -1;
            if (body.startsWith("#")) {
                continue;
            }
            assertThat(indent % 2).as("line %d: odd indentation: %s", n, line).isZero();
            assertThat(indent).as("line %d: indented more than one level: %s", n, line).isLessThanOrEqualTo(previous
                    + 4);
            assertThat(KEY.matcher(body).matches() || ITEM.matcher(body).matches())
                    .as("line %d is neither key: value nor - item: %s", n, line).isTrue();
            if (body.endsWith("|")) {
                block = indent;
            }
            previous = indent;
        }
    }

    static List<String> topLevelKeys(String yaml) {
        List<String> keys = new ArrayList<>();
        int block = -1;
        for (String line : yaml.split("\n")) {
            int indent = line.length() - line.stripLeading().length();
            if (line.isBlank() || line.startsWith("#") || (block >= 0 && indent > block)) {
                continue;
            }
            block = line.strip().endsWith("|") ? indent : -1;
            if (indent == 0) {
                keys.add(line.substring(0, line.indexOf(':')));
            }
        }
        return keys;
    }
}

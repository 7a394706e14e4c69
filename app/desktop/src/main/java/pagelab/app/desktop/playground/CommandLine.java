package pagelab.app.desktop.playground;

import pagelab.app.desktop.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the playground: {@code [name =] Function(arg, arg, ...)}, with an optional trailing {@code ;} and
 * {@code //} comment, or a bare command such as {@code help}. Arguments are kept as text; quoted strings may
 * contain commas.
 *
 * @param variable  the name to store the result in, or null
 * @param function  the function or command name
 * @param arguments the argument texts, trimmed
 */
public record CommandLine(String variable, String function, List<String> arguments) {
    private static final Pattern CALL = Pattern.compile(
            "(?:([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*;?\\s*");

    public CommandLine {
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses {@code line}.
     *
     * @return null for an empty line or a comment
     * @throws IllegalArgumentException if the line is not a call
     */
    public static CommandLine parse(String line) {
        String s = stripComment(line).trim();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = CALL.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(Messages.get("playground.error.syntax"));
        }
        return new CommandLine(m.group(1), m.group(2), m.group(3) == null ? List.of() : split(m.group(3)));
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        if (args.isBlank()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : args.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(Messages.get("playground.error.string"));
        }
        out.add(cur.toString().trim());
        return out;
    }
}

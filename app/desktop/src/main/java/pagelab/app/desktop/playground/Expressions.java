package pagelab.app.desktop.playground;

import pagelab.app.desktop.Messages;
import pagelab.kernel.WinNT;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the argument expressions of the playground, as a C programmer writes them: numbers in hex or decimal
 * ({@code 0x10000}, {@code 65536}, {@code 64K}, {@code 1M}), {@code NULL}, {@code TRUE}/{@code FALSE},
 * {@code WinNT} constants ({@code MEM_RESERVE | MEM_COMMIT}), variables ({@code p}, {@code $1}), joined with
 * {@code |}, {@code +} and {@code -}, left to right.
 */
public final class Expressions {
    private static final Map<String, Long> CONSTANTS = constants();

    private Expressions() {
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException with a message for the student if a term is unknown or malformed
     */
    public static long eval(String text, Map<String, Long> variables) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("playground.error.emptyArgument"));
        }
        long value = 0;
        char op = '+';
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '\0';
            boolean isOp = c == '|' || c == '+' || (c == '-' && i > start);
            if (isOp || i == s.length()) {
                long term = term(s.substring(start, i).trim(), variables);
                value = op == '|' ? value | term : op == '+' ? value + term : value - term;
                op = c;
                start = i + 1;
            }
        }
        return value;
    }

    private static long term(String t, Map<String, Long> variables) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("playground.error.missingTerm"));
        }
        if (t.startsWith("-")) {
            return -term(t.substring(1).trim(), variables);
        }
        if (Character.isDigit(t.charAt(0))) {
            return number(t);
        }
        Long v = variables.get(t);
        if (v == null) {
            v = CONSTANTS.get(t);
        }
        if (v == null) {
            throw new IllegalArgumentException(Messages.format("playground.error.unknownName", t));
        }
        return v;
    }

    private static long number(String t) {
        String s = t.replace("_", "").toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (!s.startsWith("0X") && (last == 'K' || last == 'M' || last == 'G')) {
            unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("playground.error.notANumber", t));
        }
    }

    private static Map<String, Long> constants() {
        Map<String, Long> out = new HashMap<>();
        for (Field f : WinNT.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                if (f.getType() == int.class) {
                    // Win32 DWORD flags are unsigned: MEM_4MB_PAGES is 0x80000000, not a negative number.
                    out.put(f.getName(), f.getInt(null) & 0xFFFFFFFFL);
                } else if (f.getType() == long.class || f.getType() == short.class) {
                    out.put(f.getName(), ((Number) f.get(null)).longValue());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Expressions: cannot read " + f, e);
            }
        }
        out.put("NULL", 0L);
        out.put("TRUE", 1L);
        out.put("FALSE", 0L);
        out.put("INVALID_HANDLE_VALUE", -1L);
        return Map.copyOf(out);
    }
}

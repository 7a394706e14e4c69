package pagelab.app.grading;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON for the grading protocol's plain data: records, enums, strings, numbers, booleans, lists, sets, string-keyed
 * maps and primitive arrays, nothing else. It exists because a cold JVM spends most of a second of CPU starting
 * Jackson, and the child and host exchange only records; the output is ordinary JSON that Jackson also reads.
 * Stateless and thread-safe.
 */
final class RecordJson {
    private RecordJson() {
    }

    /** {@code value} as one line of JSON. */
    static String write(Object value) {
        StringBuilder b = new StringBuilder(256);
        write(b, value);
        return b.toString();
    }

    /**
     * Reads {@code json} as a value of {@code type}.
     *
     * @throws IllegalArgumentException if the text is not JSON or does not fit the type
     */
    static <T> T read(String json, Class<T> type) {
        JsonParser p = new JsonParser(json);
        Object tree = p.value();
        p.end();
        return type.cast(convert(tree, type));
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Character c) {
            string(b, c.toString());
        } else if (v instanceof Enum<?> e) {
            string(b, e.name());
        } else if (v instanceof Record r) {
            record(b, r);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                string(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            array(b, new ArrayList<>(c));
        } else if (v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(Array.get(v, i));
            }
            array(b, items);
        } else {
            throw new IllegalArgumentException("RecordJson: cannot write a " + v.getClass().getName());
        }
    }

    private static void record(StringBuilder b, Record r) {
        b.append('{');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            b.append(first ? "" : ",");
            first = false;
            string(b, c.getName());
            b.append(':');
            try {
                c.getAccessor().setAccessible(true);
                write(b, c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("RecordJson: cannot read " + c, e);
            }
        }
        b.append('}');
    }

    private static void array(StringBuilder b, List<?> items) {
        b.append('[');
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",");
            write(b, items.get(i));
        }
        b.append(']');
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // ---- reading: a JSON tree (Map, List, String, Long/Double, Boolean, null) converted to the target type

    private static Object convert(Object tree, Type type) {
        if (type instanceof ParameterizedType p) {
            return convertGeneric(tree, p);
        }
        Class<?> c = (Class<?>) type;
        if (tree == null) {
            return c.isPrimitive() ? convert(0L, c) : null;
        }
        if (c == String.class) {
            return (String) tree;
        } else if (c == long.class || c == Long.class) {
            return ((Number) tree).longValue();
        } else if (c == int.class || c == Integer.class) {
            return ((Number) tree).intValue();
        } else if (c == double.class || c == Double.class) {
            return ((Number) tree).doubleValue();
        } else if (c == boolean.class || c == Boolean.class) {
            return tree instanceof Boolean bool ? bool : Boolean.FALSE;
        } else if (c == short.class || c == Short.class) {
            return ((Number) tree).shortValue();
        } else if (c == byte.class || c == Byte.class) {
            return ((Number) tree).byteValue();
        } else if (c == float.class || c == Float.class) {
            return ((Number) tree).floatValue();
        } else if (c.isEnum()) {
            return enumValue(c, (String) tree);
        } else if (c.isRecord()) {
            return record(c, (Map<?, ?>) tree);
        } else if (c.isArray()) {
            List<?> items = (List<?>) tree;
            Object array = Array.newInstance(c.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, convert(items.get(i), c.getComponentType()));
            }
            return array;
        }
        throw new IllegalArgumentException("RecordJson: cannot read a " + c.getName());
    }

    private static Object convertGeneric(Object tree, ParameterizedType p) {
        if (tree == null) {
            return null;
        }
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) tree).forEach((k, v) -> out.put((String) k, convert(v, args[1])));
            return out;
        }
        Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        for (Object item : (List<?>) tree) {
            out.add(convert(item, args[0]));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) {
        return Enum.valueOf((Class<Enum>) c, name);
    }

    private static Object record(Class<?> c, Map<?, ?> fields) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(fields.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("RecordJson: " + c.getSimpleName() + " refused the values: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("RecordJson: cannot construct " + c.getName(), e);
        }
    }

    /** A small recursive-descent JSON parser into plain Java values. */
    private static final class JsonParser {
        private final String s;
        private int i;

        JsonParser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        void end() {
            skip();
            if (i != s.length()) {
                throw error("trailing text");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            i++;
            skip();
            if (peek() == '}') {
                i++;
                return out;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                out.put(key, value());
                skip();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return out;
                }
            }
        }

        private List<Object> array() {
            List<Object> out = new ArrayList<>();
            i++;
            skip();
            if (peek() == ']') {
                i++;
                return out;
            }
            while (true) {
                out.add(value());
                skip();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return out;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                    : (Object) Long.parseLong(n);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected character");
            }
            i += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("RecordJson: " + what + " at offset " + i);
        }
    }
}

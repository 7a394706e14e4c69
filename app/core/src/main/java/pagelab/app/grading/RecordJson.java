package pagelab.app.grading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON for the grading protocol's plain data (records, enums, strings, numbers, booleans, lists, sets, string-keyed
 * maps, primitive arrays), on Jackson's streaming parser and generator. Not Jackson's databind: a cold JVM spends
 * about half a second of CPU starting it (measured in docs/benchmarks.md), and every graded submission gets a fresh
 * child JVM. Reading is bounded, because the host reads what a child wrote and a child runs a student's code:
 * nesting, string and document sizes are limited, and whatever does not fit the target type is refused with an
 * {@link IllegalArgumentException}, never a crash. Stateless and thread-safe.
 */
final class RecordJson {
    /** Deeper than any result or evidence the runner makes; a reply nested deeper is refused. */
    static final int MAX_DEPTH = 48;
    /** The longest string or document the host will read from a child. */
    static final int MAX_STRING = 4 * 1024 * 1024;
    static final long MAX_DOCUMENT = 32L * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(40).maxDocumentLength(MAX_DOCUMENT).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Each record class's components and constructor, looked up once. */
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private RecordJson() {
    }

    /** {@code value} as one line of JSON. */
    static String write(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** {@code value} as UTF-8 JSON. */
    static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("RecordJson: cannot write a " + value.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    /**
     * Reads {@code json} as a value of {@code type}.
     *
     * @throws IllegalArgumentException if the text is not JSON, passes the limits, or does not fit the type
     */
    static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    static <T> T read(byte[] json, Class<T> type) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            Object value = value(p, type);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("RecordJson: trailing text after the value");
            }
            return type.cast(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("RecordJson: " + e.getMessage(), e);
        } catch (ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("RecordJson: the JSON does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    // ---- writing

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Character c) {
            g.writeString(c.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Record r) {
            record(g, r);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            for (int i = 0; i < Array.getLength(v); i++) {
                write(g, Array.get(v, i));
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("RecordJson: cannot write a " + v.getClass().getName());
        }
    }

    private static void record(JsonGenerator g, Record r) throws IOException {
        RecordShape shape = SHAPES.get(r.getClass());
        g.writeStartObject();
        for (int i = 0; i < shape.names.length; i++) {
            g.writeFieldName(shape.names[i]);
            try {
                write(g, shape.accessors[i].invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("RecordJson: cannot read " + shape.names[i] + " of "
                        + r.getClass().getName(), e);
            }
        }
        g.writeEndObject();
    }

    // ---- reading: straight from the parser's tokens into the target type

    private static Object value(JsonParser p, Type type) throws IOException {
        if (type instanceof ParameterizedType pt) {
            return generic(p, pt);
        }
        Class<?> c = (Class<?>) type;
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("RecordJson: unexpected end");
        }
        if (t == JsonToken.VALUE_NULL) {
            return c.isPrimitive() ? primitiveZero(c) : null;
        }
        if (c == Object.class) {
            return untyped(p);
        } else if (c == String.class) {
            return expect(p, JsonToken.VALUE_STRING).getText();
        } else if (c == long.class || c == Long.class) {
            return expectNumber(p).getLongValue();
        } else if (c == int.class || c == Integer.class) {
            return expectNumber(p).getIntValue();
        } else if (c == double.class || c == Double.class) {
            return expectNumber(p).getDoubleValue();
        } else if (c == boolean.class || c == Boolean.class) {
            return t == JsonToken.VALUE_TRUE;
        } else if (c == short.class || c == Short.class) {
            return expectNumber(p).getShortValue();
        } else if (c == byte.class || c == Byte.class) {
            return expectNumber(p).getByteValue();
        } else if (c == float.class || c == Float.class) {
            return expectNumber(p).getFloatValue();
        } else if (c.isEnum()) {
            return enumValue(c, expect(p, JsonToken.VALUE_STRING).getText());
        } else if (c.isRecord()) {
            return record(p, c);
        } else if (c.isArray()) {
            List<Object> items = new ArrayList<>();
            expect(p, JsonToken.START_ARRAY);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, c.getComponentType()));
            }
            Object array = Array.newInstance(c.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, items.get(i));
            }
            return array;
        }
        throw new IllegalArgumentException("RecordJson: cannot read a " + c.getName());
    }

    /**
     * A value whose declared type is Object (the arguments of a {@code Msg}): text, an integer as a Long, a fraction
     * as a Double, a boolean, a list or a string-keyed map of such values; the record that receives it decides what
     * it means.
     */
    private static Object untyped(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return t == JsonToken.VALUE_TRUE;
            case VALUE_NULL:
                return null;
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(untyped(p));
                }
                return out;
            }
            case START_OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    out.put(key, untyped(p));
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("RecordJson: unexpected " + t);
        }
    }

    private static Object generic(JsonParser p, ParameterizedType pt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Class<?> raw = (Class<?>) pt.getRawType();
        Type[] args = pt.getActualTypeArguments();
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> out = new LinkedHashMap<>();
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                out.put(key, value(p, args[1]));
            }
            return out;
        }
        Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(value(p, args[0]));
        }
        return out;
    }

    private static Object record(JsonParser p, Class<?> c) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        RecordShape shape = SHAPES.get(c);
        Object[] args = new Object[shape.names.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = shape.types[i].isPrimitive() ? primitiveZero(shape.types[i]) : null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer i = shape.index.get(p.currentName());
            p.nextToken();
            if (i == null) {
                p.skipChildren(); // a field this version does not know
            } else {
                args[i] = value(p, shape.genericTypes[i]);
            }
        }
        if (shape.constructor == null) {
            throw new IllegalArgumentException("RecordJson: cannot construct " + c.getName());
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("RecordJson: " + c.getSimpleName() + " refused the values: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("RecordJson: cannot construct " + c.getName(), e);
        }
    }

    /**
     * What reading and writing a record class needs, looked up once per class: asking for a record's components
     * and constructor by reflection every time cost the host about a millisecond a reply (docs/benchmarks.md).
     */
    private static final class RecordShape {
        final String[] names;
        final Class<?>[] types;
        final Type[] genericTypes;
        final Method[] accessors;
        final Map<String, Integer> index = new HashMap<>();
        /** The canonical constructor; null if it cannot be made accessible (reading then fails with a reason). */
        final Constructor<?> constructor;

        RecordShape(Class<?> c) {
            RecordComponent[] components = c.getRecordComponents();
            names = new String[components.length];
            types = new Class<?>[components.length];
            genericTypes = new Type[components.length];
            accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                genericTypes[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                index.put(names[i], i);
            }
            Constructor<?> ctor;
            try {
                ctor = c.getDeclaredConstructor(types);
                ctor.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                ctor = null;
            }
            constructor = ctor;
        }
    }

    private static JsonParser expect(JsonParser p, JsonToken token) {
        if (p.currentToken() != token) {
            throw new IllegalArgumentException("RecordJson: expected " + token + ", found " + p.currentToken());
        }
        return p;
    }

    private static JsonParser expectNumber(JsonParser p) {
        if (!p.currentToken().isNumeric()) {
            throw new IllegalArgumentException("RecordJson: expected a number, found " + p.currentToken());
        }
        return p;
    }

    private static Object primitiveZero(Class<?> c) {
        return Array.get(Array.newInstance(c, 1), 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) {
        try {
            return Enum.valueOf((Class<Enum>) c, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RecordJson: " + c.getSimpleName() + " has no " + name, e);
        }
    }
}

package pagelab.app.desktop.playground;

import pagelab.app.desktop.Messages;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.SECURITY_ATTRIBUTES;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls a {@link Kernel32} or {@link Memory} method by its name with argument expressions. Out-parameters
 * ({@code IntByReference}, {@code LongByReference}, structs) may be left out: they are created and their values
 * reported, so {@code VirtualQuery(p)} and {@code VirtualProtect(p, 4K, PAGE_READONLY)} work as a student expects.
 */
final class Invoker {
    /** A call's outcome: the return value (or null for void) and the out-parameters by name. */
    record Result(Method method, Object value, Map<String, Object> outs) {
    }

    private static final Map<String, Method> METHODS = methods();

    private Invoker() {
    }

    static boolean knows(String name) {
        return METHODS.containsKey(name);
    }

    /** Every callable name, sorted, for help and completion. */
    static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /**
     * The callable name closest to {@code typed} (ignoring case, by edit distance), if it is close enough to be the
     * one meant: at most a third of its letters differ. Null otherwise.
     */
    static String didYouMean(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : METHODS.keySet()) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, best.length() / 3) ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Calls {@code function} on {@code kernel} or {@code memory}. {@code walks} keeps one PROCESS_HEAP_ENTRY per heap
     * for HeapWalk lines that leave the entry out, as a C loop reuses its {@code entry} variable: each such line
     * shows the next entry, and after the last (FALSE) the next line starts at the first again.
     *
     * @throws IllegalArgumentException for an unknown function, a wrong number of arguments or a bad expression
     */
    static Result call(String function, List<String> args, Map<String, Long> vars, Kernel32 kernel, Memory memory,
                       Map<Long, PROCESS_HEAP_ENTRY> walks) throws InvocationTargetException {
        Method m = METHODS.get(function);
        if (m == null) {
            String near = didYouMean(function);
            throw new IllegalArgumentException(near != null
                    ? Messages.format("playground.error.unknownFunctionNear", function, near)
                    : Messages.format("playground.error.unknownFunction", function));
        }
        Parameter[] params = m.getParameters();
        int inCount = 0;
        for (Parameter p : params) {
            inCount += isOut(p.getType()) ? 0 : 1;
        }
        boolean outsGiven = args.size() == params.length;
        if (!outsGiven && args.size() != inCount) {
            throw new IllegalArgumentException(Messages.format("playground.error.argumentCount", function,
                    String.valueOf(inCount), signature(m)));
        }
        Object[] values = new Object[params.length];
        Map<String, Object> outs = new TreeMap<>();
        int a = 0;
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i].getType();
            if (isOut(t)) {
                String given = outsGiven ? args.get(a++) : null;
                values[i] = given != null && given.equals("NULL") || t == SECURITY_ATTRIBUTES.class ? null
                        : given != null && (t == IntByReference.class || t == LongByReference.class)
                        ? withValue(t, given, vars) : newOut(t);
                if (values[i] != null) {
                    outs.put(params[i].getName(), values[i]);
                }
            } else {
                values[i] = convert(t, args.get(a++), vars, params[i].getName());
            }
        }
        Object target = m.getDeclaringClass() == Kernel32.class ? kernel : memory;
        boolean walk = function.equals("HeapWalk") && !outsGiven;
        if (walk) {
            values[1] = walks.computeIfAbsent((Long) values[0], heap -> new PROCESS_HEAP_ENTRY());
            outs.put(params[1].getName(), values[1]);
        }
        try {
            Object value = m.invoke(target, values);
            if (walk && Boolean.FALSE.equals(value)) {
                walks.remove((Long) values[0]);
            }
            return new Result(m, value, outs);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Invoker: " + m + " is not accessible", e);
        }
    }

    /** The Java arguments of a playground call: omitted out-parameters become {@code new IntByReference()} ... */
    static List<String> javaArguments(String function, List<String> args) {
        Method m = METHODS.get(function);
        if (m == null || args.size() == m.getParameterCount()) {
            return args;
        }
        List<String> out = new ArrayList<>();
        int a = 0;
        for (Parameter p : m.getParameters()) {
            if (isOut(p.getType())) {
                out.add(p.getType() == SECURITY_ATTRIBUTES.class ? "null" : "new " + p.getType().getSimpleName() + "()");
            } else if (a < args.size()) {
                out.add(args.get(a++));
            }
        }
        return out;
    }

    static String signature(Method m) {
        List<String> names = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            names.add(p.getType().getSimpleName() + " " + p.getName());
        }
        return m.getName() + "(" + String.join(", ", names) + ")";
    }

    private static boolean isOut(Class<?> t) {
        return t == IntByReference.class || t == LongByReference.class || t.getSimpleName().equals(
                t.getSimpleName().toUpperCase(Locale.ROOT)) && !t.isPrimitive() && t != String.class;
    }

    /**
     * A by-reference argument written out as a value carries it in, as HeapSetInformation's ULONG does; any other
     * text there (a name for a pure out-parameter) gets a fresh one, as before.
     */
    private static Object withValue(Class<?> t, String given, Map<String, Long> vars) {
        long value;
        try {
            value = Expressions.eval(given, vars);
        } catch (IllegalArgumentException notAValue) {
            return newOut(t);
        }
        return t == IntByReference.class ? new IntByReference((int) value) : new LongByReference(value);
    }

    private static Object newOut(Class<?> t) {
        try {
            return t.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(Messages.format("playground.error.outParameter", t.getSimpleName()));
        }
    }

    private static Object convert(Class<?> t, String text, Map<String, Long> vars, String name) {
        if (t == String.class) {
            if (text.equals("NULL")) {
                return null;
            }
            if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
                throw new IllegalArgumentException(Messages.format("playground.error.quote", name));
            }
            return text.substring(1, text.length() - 1);
        }
        long v;
        try {
            v = Expressions.eval(text, vars);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        if (t == long.class) {
            return v;
        }
        if (t == int.class) {
            return (int) v;
        }
        if (t == short.class) {
            return (short) v;
        }
        if (t == byte.class) {
            return (byte) v;
        }
        if (t == boolean.class) {
            return v != 0;
        }
        throw new IllegalArgumentException(Messages.format("playground.error.type", name,
                t.getSimpleName()));
    }

    private static Map<String, Method> methods() {
        Map<String, Method> out = new TreeMap<>();
        for (Class<?> c : List.of(Kernel32.class, Memory.class)) {
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() == c) {
                    out.putIfAbsent(m.getName(), m);
                }
            }
        }
        // Callbacks and Java arrays have no playground syntax.
        out.remove("CreateThread");
        out.remove("read");
        out.remove("write");
        out.remove("GetProcessHeaps");
        out.remove("RaiseException");
        return out;
    }
}

package pagelab.solutions;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of an exercise's plugin a solution may use: its solution interface and, transitively, every type of
 * the plugin that the public face of those types names (parameters, results, exceptions, fields, supertypes, nested
 * types, record components). Everything else of the plugin (the checker, its helpers, the reference solution's
 * resources) stays out of the solution's reach. Immutable; thread-safe.
 *
 * @param types  the binary names of the student-facing types
 * @param loader the plugin's class loader, which also sees the JDK and the kernel API (for judging members)
 * @since 0.2
 */
public record StudentApi(Set<String> types, ClassLoader loader) {

    public StudentApi {
        types = Set.copyOf(types);
    }

    /** The student-facing types reachable from {@code solutionInterface}, which the plugin's loader defined. */
    public static StudentApi of(Class<?> solutionInterface) {
        ClassLoader plugin = solutionInterface.getClassLoader();
        Set<String> found = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(solutionInterface);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive() || c.getClassLoader() != plugin || isPlatform(c.getName())
                    || !found.add(c.getName())) {
                continue;
            }
            faceOf(c, todo);
        }
        return new StudentApi(found, plugin);
    }

    /** Queues every type the public face of {@code c} names, type arguments included ({@code List<VmRegion>}). */
    private static void faceOf(Class<?> c, Deque<Class<?>> todo) {
        named(c.getGenericSuperclass(), todo);
        for (Type i : c.getGenericInterfaces()) {
            named(i, todo);
        }
        if (c.getEnclosingClass() != null && c.isMemberClass()) {
            todo.add(c.getEnclosingClass());
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                todo.add(nested);
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                named(m.getGenericReturnType(), todo);
                for (Type t : m.getGenericParameterTypes()) {
                    named(t, todo);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    named(t, todo);
                }
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) {
                for (Type t : k.getGenericParameterTypes()) {
                    named(t, todo);
                }
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                named(f.getGenericType(), todo);
            }
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                named(rc.getGenericType(), todo);
            }
        }
    }

    /** Queues the classes a generic type names: the raw type and every type argument and bound. */
    private static void named(Type t, Deque<Class<?>> todo) {
        if (t instanceof Class<?> c) {
            todo.add(c);
        } else if (t instanceof ParameterizedType p) {
            named(p.getRawType(), todo);
            for (Type a : p.getActualTypeArguments()) {
                named(a, todo);
            }
        } else if (t instanceof GenericArrayType g) {
            named(g.getGenericComponentType(), todo);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                named(b, todo);
            }
            for (Type b : w.getLowerBounds()) {
                named(b, todo);
            }
        }
        // a type variable names nothing of its own; its bounds are named where it is declared
    }

    /**
     * Whether {@code binaryName} belongs to the JDK or to PageLab's SDK rather than to an exercise: those are judged
     * by the rules, even where (as in a test) one class loader holds them and the exercise alike.
     */
    static boolean isPlatform(String binaryName) {
        for (String prefix : new String[] {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.pf4j.",
                "pagelab.kernel.", "pagelab.exercise.", "pagelab.testkit.", "pagelab.solutions.", "pagelab.sim.",
                "pagelab.app."}) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a solution may use the type {@code binaryName} of the plugin. */
    public boolean contains(String binaryName) {
        return types.contains(binaryName);
    }

    /** Whether {@code binaryName} is a class of the exercise's plugin (student-facing or not). */
    boolean isExerciseClass(String binaryName) {
        if (isPlatform(binaryName)) {
            return false;
        }
        try {
            return Class.forName(binaryName, false, loader).getClassLoader() == loader;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

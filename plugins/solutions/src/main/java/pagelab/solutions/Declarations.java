package pagelab.solutions;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Finds the class that declares a member a solution refers to, as the JVM's resolution would: the solution's own
 * classes from their bytecode, everything else (the JDK, the kernel API, the exercise) by reflection through the
 * exercise's class loader. A call of {@code getContextClassLoader} on the solution's own subclass of
 * {@code Thread} is then judged as {@code Thread.getContextClassLoader}, where the rules deny it.
 */
final class Declarations {
    private final Map<String, BytecodeScanner.Shape> own;
    private final ClassLoader loader;

    /** @param own the solution's classes by internal name */
    Declarations(Map<String, BytecodeScanner.Shape> own, ClassLoader loader) {
        this.own = own;
        this.loader = loader;
    }

    /**
     * The internal name of the class declaring {@code name}/{@code desc} as seen from {@code owner}; {@code owner}
     * itself when the member cannot be found (the rules then judge the class the code named).
     */
    String declaringClass(String owner, String name, String desc, boolean field) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(owner);
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            BytecodeScanner.Shape shape = own.get(c);
            if (shape == null) {
                String found = declaredByLoaded(c, name, desc, field);
                if (found != null) {
                    return found;
                }
                continue;
            }
            if (field ? shape.fields().contains(name) : shape.methods().contains(name + desc)) {
                return c;
            }
            if (shape.superName() != null) {
                todo.add(shape.superName());
            }
            todo.addAll(shape.interfaces());
        }
        return owner;
    }

    private String declaredByLoaded(String internalName, String name, String desc, boolean field) {
        Class<?> start;
        try {
            start = Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return internalName;
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> k = start; k != null; k = k.getSuperclass()) {
            if (declares(k, name, desc, field)) {
                return Type.getInternalName(k);
            }
            todo.addAll(Arrays.asList(k.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            if (declares(i, name, desc, field)) {
                return Type.getInternalName(i);
            }
            todo.addAll(Arrays.asList(i.getInterfaces()));
        }
        return null;
    }

    private static boolean declares(Class<?> k, String name, String desc, boolean field) {
        try {
            if (field) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return true;
                    }
                }
                return false;
            }
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                    return true;
                }
            }
            return false;
        } catch (LinkageError | SecurityException e) {
            return false; // a class whose members cannot be listed: judged by the class the code named
        }
    }
}

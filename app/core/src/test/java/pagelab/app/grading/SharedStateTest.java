package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pagelab.exercise.Exercise;
import pagelab.kernel.Machine;
import pagelab.kernel.spi.KernelProvider;
import pagelab.solutions.SolutionPolicy;

/**
 * Nothing a solution can name is state one submission could leave for the next: no class of the kernel API, the
 * simulator, the exercise API or the solution policy has a static field that code outside its package could
 * change, or that refers to something changeable (an array, a collection, any object of its own).
 */
class SharedStateTest {
    /** Types whose instances cannot change. */
    static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Character.class, Boolean.class, Double.class, Float.class, java.util.regex.Pattern.class);

    @Test
    void noPublicStaticFieldCanBeChanged() throws Exception {
        List<String> found = new ArrayList<>();
        // the simulator is found as the children find it, so that this test names none of its classes
        Class<?> simulator = ServiceLoader.load(KernelProvider.class).iterator().next().getClass();
        for (Class<?> anchor : List.of(Machine.class, simulator, Exercise.class, SolutionPolicy.class)) {
            for (Class<?> c : classesBeside(anchor)) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    boolean reachable = Modifier.isPublic(m) || Modifier.isProtected(m);
                    if (Modifier.isStatic(m) && reachable && Modifier.isPublic(c.getModifiers())
                            && !(Modifier.isFinal(m) && immutable(f))) {
                        found.add(c.getName() + "." + f.getName() + " (" + f.getType().getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean immutable(Field f) {
        Class<?> t = f.getType();
        return t.isPrimitive() || t.isEnum() || IMMUTABLE.contains(t) || (t.isRecord() && recordOfImmutables(t));
    }

    private static boolean recordOfImmutables(Class<?> record) {
        for (var rc : record.getRecordComponents()) {
            Class<?> t = rc.getType();
            if (!(t.isPrimitive() || t.isEnum() || IMMUTABLE.contains(t))) {
                return false;
            }
        }
        return true;
    }

    /** Every class in the jar or folder that {@code anchor} was loaded from. */
    static List<Class<?>> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            collect(location, anchor, out);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                collect(jar.getPath("/"), anchor, out);
            }
        }
        return out;
    }

    private static void collect(Path root, Class<?> anchor, List<Class<?>> out) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.equals("module-info") || name.startsWith("META-INF")) {
                    continue;
                }
                try {
                    out.add(Class.forName(name, false, anchor.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
    }
}

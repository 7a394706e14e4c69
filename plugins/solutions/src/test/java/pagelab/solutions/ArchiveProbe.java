package pagelab.solutions;

import example.exercise.Sheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JVM {@link ArchivedClassSubstitutionTest} starts: loads the class file {@code args[2]} as class
 * {@code args[1]}, either through a {@link StudentClassLoader} ({@code student}) or through a plain loader that
 * defines classes by name as most loaders do ({@code named}), and prints what the instance says.
 */
public final class ArchiveProbe {
    private ArchiveProbe() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[1];
        byte[] bytes = Files.readAllBytes(Path.of(args[2]));
        ClassLoader loader = args[0].equals("student")
                ? StudentClassLoader.of(Map.of(name, bytes), StudentApi.of(Sheet.class), SolutionPolicy.standard())
                : new Named(name, bytes);
        System.out.println("says: " + loader.loadClass(name).getConstructor().newInstance());
    }

    /** Defines its one class by name, the way StudentClassLoader did before it stopped naming them. */
    private static final class Named extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        Named(String name, byte[] bytes) {
            super("named", ArchiveProbe.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String n) throws ClassNotFoundException {
            if (!n.equals(name)) {
                throw new ClassNotFoundException(n);
            }
            return defineClass(n, bytes, 0, bytes.length);
        }
    }
}

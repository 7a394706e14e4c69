package pagelab.solutions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Loads a student's classes so that they can reach nothing but what a solution may use. Its classes are judged by
 * the {@link SolutionPolicy} before any is defined (a rejected solution defines nothing); the names it resolves for
 * them are the JDK's, the kernel API's the policy allows, and the exercise's student-facing types, which come from
 * the exercise's own loader so that the checker and the solution see the same {@code Class}. Anything else (the
 * checker, the exercise API, the simulator, the host) does not exist for the solution: it gets
 * {@link ClassNotFoundException}, as does every resource lookup. One loader per check run: static state never
 * carries over.
 *
 * @since 0.2
 */
public final class StudentClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final StudentApi api;
    private final PolicyRules rules;

    private StudentClassLoader(Map<String, byte[]> classes, StudentApi api, PolicyRules rules) {
        super("student", null);
        this.classes = Map.copyOf(classes);
        this.api = api;
        this.rules = rules;
    }

    /**
     * A loader for {@code classes} (binary name to class file) after judging them.
     *
     * @throws RejectedSolutionException listing the violations, when the policy refuses the solution
     */
    public static StudentClassLoader of(Map<String, byte[]> classes, StudentApi api, SolutionPolicy policy) {
        return of(policy.judge(classes, api));
    }

    /** A fresh loader for a solution the policy judged already (one per check run, judged once). */
    public static StudentClassLoader of(JudgedSolution solution) {
        return new StudentClassLoader(solution.classes(), solution.api(), solution.rules());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = classes.get(name);
                if (bytes != null) {
                    c = defineOwn(name, bytes);
                } else {
                    c = outside(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Defines one of the solution's classes from exactly the bytes the policy judged. The name is left out on
     * purpose: given a name, HotSpot first looks for a class of that name in the class-data archive and, when the
     * archived class has the same size and CRC-32, uses it instead of these bytes. A grading child's archive is
     * trained on an exercise's reference solution, and a CRC-32 collision is easy to craft, so a named define would
     * let a submission that merely collides run the reference. Without a name the JVM never asks the archive.
     */
    private Class<?> defineOwn(String name, byte[] bytes) {
        Class<?> c = defineClass(null, bytes, 0, bytes.length);
        if (!c.getName().equals(name)) { // the policy keys classes by the names in their bytes; never trust that
            throw new NoClassDefFoundError(name + " (wrong name: " + c.getName() + ")");
        }
        return c;
    }

    /**
     * A class from outside the solution. Any class of {@code java.base} may be loaded: the policy has judged every
     * use the solution's code makes of them, and the JDK itself needs some for the solution (lambdas link through
     * java.lang.invoke, reflection's generated accessors through jdk.internal.reflect). No other module of the
     * JDK exists for a solution ({@code sun.misc.Unsafe}, {@code javax.tools}, ...), and of PageLab only what the
     * solution may name.
     */
    private Class<?> outside(String name) throws ClassNotFoundException {
        Class<?> jdk = jdkClass(name);
        if (jdk != null) {
            if (jdk.getModule() != Object.class.getModule()) {
                throw new ClassNotFoundException(name + " is not available to solutions (module "
                        + jdk.getModule().getName() + ")");
            }
            return jdk;
        }
        if (api.contains(name) || (StudentApi.isPlatform(name) && rules.forClass(name).allowed())) {
            return Class.forName(name, false, api.loader());
        }
        throw new ClassNotFoundException(name + " is not available to solutions");
    }

    /**
     * The JDK's class of that name, or null. (The platform loader also answers for the application loader's
     * modules, the kernel API's say; those are PageLab's, not the JDK's.)
     */
    private static Class<?> jdkClass(String name) {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try {
            Class<?> c = Class.forName(name, false, platform);
            return c.getClassLoader() == null || c.getClassLoader() == platform ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    // A solution has no resources, and may not read the exercise's (the reference solution is one).
    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return Collections.emptyEnumeration();
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return null;
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return Collections.emptyEnumeration();
    }
}

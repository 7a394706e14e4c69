package pagelab.solutions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
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
        List<PolicyViolation> violations = policy.check(classes, api);
        if (!violations.isEmpty()) {
            throw new RejectedSolutionException(violations);
        }
        return new StudentClassLoader(classes, api, policy.rules());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = classes.get(name);
                if (bytes != null) {
                    c = defineClass(name, bytes, 0, bytes.length);
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
     * A class from outside the solution. Every JDK class may be loaded: the policy has judged every use the
     * solution's code makes of them, and the JDK itself needs some for the solution (lambdas link through
     * java.lang.invoke, reflection's generated accessors through jdk.internal.reflect). PageLab's classes only
     * when the solution may name them.
     */
    private Class<?> outside(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            // not the JDK's
        }
        if (api.contains(name) || (StudentApi.isPlatform(name) && rules.forClass(name).allowed())) {
            return Class.forName(name, false, api.loader());
        }
        throw new ClassNotFoundException(name + " is not available to solutions");
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

package pagelab.app.dist;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The release's main class ({@code bin/pagelab}, {@code bin/pagelab.cmd}, the packaged app): checks that the Java
 * it runs on can run PageLab, then starts {@code pagelab.app.cli.PageLabCli}. PageLab needs Java 17 or later, and a
 * JDK rather than a JRE, because grading compiles a solution with {@code javax.tools} (module {@code jdk.compiler}).
 * A student who starts the release on the wrong Java gets one message naming what to install instead of an
 * {@code UnsupportedClassVersionError} or, later, a check that cannot compile.
 *
 * <p>Compiled for Java 8 (this module's pom), so that an old Java can load it and say what is wrong. It names the
 * host's classes only by string for the same reason; the check itself costs no measurable time (no class of the
 * compiler is loaded).
 */
public final class Launcher {
    /** The oldest Java PageLab runs on. */
    static final int MINIMUM_JAVA = 17;
    /** Exit code when the Java cannot run PageLab: the shell's "command not found", as {@code ./pagelab} uses. */
    static final int NO_SUITABLE_JDK = 127;
    static final String MAIN = "pagelab.app.cli.PageLabCli";

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String problem = problem(System.getProperty("java.specification.version"), hasCompiler());
        if (problem != null) {
            System.err.println(problem);
            System.exit(NO_SUITABLE_JDK);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // as if PageLabCli were the main class
        }
    }

    /**
     * What keeps this Java from running PageLab, as the message to print, or null when nothing does.
     *
     * @param specVersion {@code java.specification.version}: "1.8", "11", "17", "21"
     * @param hasCompiler whether module {@code jdk.compiler} is in the runtime
     */
    static String problem(String specVersion, boolean hasCompiler) {
        int feature = feature(specVersion);
        String java = "Java " + specVersion + " (" + System.getProperty("java.home") + ")";
        String install = "Install a Java 17 (or later) JDK, for example Eclipse Temurin 17 JDK from https://adoptium.net"
                + " (Windows, macOS, Linux) or, on Debian/Ubuntu, sudo apt-get install openjdk-17-jdk; then start"
                + " PageLab again (or set JAVA_HOME to that JDK's folder).";
        if (feature < MINIMUM_JAVA) {
            return "pagelab: PageLab needs Java " + MINIMUM_JAVA + " or later, and this is " + java + ". " + install;
        }
        if (!hasCompiler) {
            return "pagelab: PageLab needs a JDK, not only a Java runtime (JRE): grading compiles your solution with"
                    + " javax.tools, which " + java + " does not have. " + install;
        }
        return null;
    }

    /** The feature release of a specification version: 8 for "1.8", 17 for "17"; 0 when it does not read. */
    static int feature(String specVersion) {
        if (specVersion == null) {
            return 0;
        }
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    /**
     * Whether {@code jdk.compiler} is in the boot layer, which is when {@code ToolProvider.getSystemJavaCompiler()}
     * finds javac. Through reflection: Java 8, which this class is compiled for, has no modules (and no compiler
     * PageLab could use).
     */
    static boolean hasCompiler() {
        try {
            Object boot = Class.forName("java.lang.ModuleLayer").getMethod("boot").invoke(null);
            Object found = boot.getClass().getMethod("findModule", String.class).invoke(boot, "jdk.compiler");
            return ((Optional<?>) found).isPresent();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}

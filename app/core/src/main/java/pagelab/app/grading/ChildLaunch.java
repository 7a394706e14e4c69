package pagelab.app.grading;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.pf4j.ExtensionPoint;
import pagelab.exercise.Exercise;
import pagelab.kernel.Machine;
import pagelab.kernel.spi.KernelProvider;
import pagelab.solutions.SolutionCompiler;
import pagelab.solutions.SolutionPolicy;

/**
 * The command line of a grading child: a JVM that holds only what grading needs and gives a solution as little as
 * possible. The kernel API and the simulator run as named modules (the simulator exports nothing, so not even
 * reflection reaches it); of the host's libraries only the runner, the exercise API, the solution policy, ASM,
 * Jackson's streaming core and PF4J's extension point come along; the security manager cannot be installed; nobody
 * may attach to the JVM. Of the JDK a solution reaches only {@code java.base}: on PageLab's runtime image
 * ({@link ChildRuntime}) nothing else is there; on the host's JDK its class loader sees no other module (the JVM's
 * own {@code --limit-modules} would do the same but turns class data sharing off, which doubles a child's boot).
 * In graded mode, where bubblewrap is available, the JVM runs in a sandbox of its own ({@link Sandbox}).
 */
final class ChildLaunch {
    private ChildLaunch() {
    }

    /**
     * The JVM's command, to run in {@code childDir/work}, talking to the host on {@code channel}; with the class
     * data archive of {@link ChildArchive}, {@code archive}, unless that is null.
     */
    static List<String> command(GraderOptions options, Path channel, Path archive) {
        List<String> base = baseCommand(options);
        List<String> cmd = new ArrayList<>(base.subList(0, 1));
        cmd.addAll(ChildArchive.options(archive));
        cmd.add("-D" + GradingChild.CHANNEL_PROPERTY + "=" + channel);
        cmd.addAll(base.subList(1, base.size()));
        return cmd;
    }

    /** The command every child shares, from {@code java} to the main class. */
    static List<String> baseCommand(GraderOptions options) {
        return baseCommand(options, ChildRuntime.current());
    }

    /** The command every child shares, on {@code runtime}. */
    static List<String> baseCommand(GraderOptions options, ChildRuntime runtime) {
        List<String> cmd = new ArrayList<>();
        cmd.add(runtime.java().toString());
        cmd.addAll(List.of("-Xmx" + options.heapMegabytes() + "m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-XX:+DisableAttachMechanism",
                "-Djava.security.manager=disallow", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        cmd.addAll(SHORT_LIVED);
        cmd.addAll(SELECTOR_PROVIDER);
        String machines = System.getProperty(Grader.MACHINES_PROPERTY);
        if (machines != null && !machines.isBlank()) {
            cmd.add("-D" + Grader.MACHINES_PROPERTY + "=" + machines);
        }
        cmd.addAll(options.childJvmArgs());
        cmd.addAll(runtime.moduleOptions());
        cmd.addAll(List.of("-cp", join(classPath(options)), GradingChild.class.getName()));
        return cmd;
    }

    /**
     * Options for a JVM that lives for one submission's ten checks (each measured, docs/benchmarks.md): compile
     * only what runs four times as often as a long-running JVM would (C1 took a quarter of a child's CPU, much of it
     * on methods the child never called again), and keep reflective calls native instead of generating a class
     * per method called more than 15 times (the protocol's record accessors cost 8 ms a child that way).
     */
    private static final List<String> SHORT_LIVED = List.of("-XX:CompileThresholdScaling=4",
            "-Dsun.reflect.inflationThreshold=" + Integer.MAX_VALUE);

    /** The JDK's own selector provider on Linux. */
    private static final String EPOLL = "sun.nio.ch.EPollSelectorProvider";
    /** {@link #selectorProvider()}, worked out once: every child's command has it. */
    private static final List<String> SELECTOR_PROVIDER = selectorProvider();

    /**
     * On Linux, names the JDK's default selector provider, so that opening the channel's socket does not look for
     * another one in every jar of the class path (12 ms of a child); elsewhere, or on a JDK without that class,
     * nothing: the JDK then finds its default itself.
     */
    static List<String> selectorProvider() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return List.of();
        }
        try {
            Class.forName(EPOLL, false, null);
            return List.of("-Djava.nio.channels.spi.SelectorProvider=" + EPOLL);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }

    /** The kernel API and the simulator, as modules. */
    static List<Path> modulePath() {
        return List.of(SolutionCompiler.location(Machine.class), simulatorLocation());
    }

    /** The runner, the exercise API, the solution policy and the few libraries they use; nothing else of the host. */
    static List<Path> classPath(GraderOptions options) {
        Set<Path> cp = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {GradingChild.class, Exercise.class, SolutionPolicy.class, ClassReader.class,
                                          JsonFactory.class, ExtensionPoint.class}) {
            cp.add(SolutionCompiler.location(c));
        }
        String machines = System.getProperty(Grader.MACHINES_PROPERTY);
        if (machines != null && !machines.isBlank()) {
            try { // the factory named for the children must reach them: its jar or folder goes along
                cp.add(SolutionCompiler.location(Class.forName(machines)));
            } catch (ClassNotFoundException | RuntimeException e) {
                // the child names the factory it cannot find in the check's error
            }
        }
        cp.removeAll(modulePath());
        cp.addAll(options.extraChildClasspath());
        return List.copyOf(cp);
    }

    /** Every file and folder the child reads besides its plugin and archive: the JDK, its module and class paths. */
    static List<Path> readablePaths(GraderOptions options) {
        List<Path> paths = new ArrayList<>(ChildRuntime.current().readablePaths());
        paths.addAll(classPath(options));
        return paths;
    }

    private static Path simulatorLocation() {
        for (KernelProvider p : ServiceLoader.load(KernelProvider.class)) {
            return SolutionCompiler.location(p.getClass());
        }
        throw new IllegalStateException("ChildLaunch: no kernel provider on the class path");
    }

    static String join(List<Path> paths) {
        return paths.stream().filter(Files::exists).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }
}

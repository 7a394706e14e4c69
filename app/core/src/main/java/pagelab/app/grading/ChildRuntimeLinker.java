package pagelab.app.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Links the grading children's runtime ({@link ChildRuntime}) with this JDK's {@code jlink}: {@code java.base} and
 * the kernel's two modules, with a class-data archive of their own, and the record of what it was linked from. The
 * distribution's build runs it ({@code pagelab child-runtime}, app/dist's pom), and so can an installation that has
 * none (a release unpacked from the zip, a Gradescope image), once.
 */
public final class ChildRuntimeLinker {
    /** Why a runtime cannot be linked. */
    public enum Problem {
        /** The Java running PageLab has no jlink (a runtime image rather than a JDK). */
        NO_JLINK,
        /** The kernel's modules are class folders here (a development build), which jlink cannot link. */
        NOT_JARS,
        /** The target folder holds something else: it is not replaced. */
        FOREIGN_FOLDER,
        /** jlink ran and failed. */
        JLINK_FAILED
    }

    /** A runtime that could not be linked, with the problem and what jlink or the file system said. */
    public static final class LinkException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        LinkException(Problem problem, String detail) {
            super(detail);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * What {@link #link} did.
     *
     * @param home   the runtime's folder
     * @param linked false when the runtime there was already linked from these jars by this Java
     * @param millis how long it took
     * @param bytes  the runtime's size on disk
     */
    public record Outcome(Path home, boolean linked, long millis, long bytes) {
    }

    private ChildRuntimeLinker() {
    }

    /** Where the installation's children look for their runtime (beside {@code lib/}). */
    public static Path defaultHome() {
        return ChildRuntime.besideLib(ChildLaunch.modulePath());
    }

    /**
     * Links the runtime into {@code home}, unless the one there was linked from the kernel jars this host has, by
     * this Java, and {@code force} is false. A folder that is not empty and holds no runtime of PageLab's is refused.
     */
    public static Outcome link(Path home, boolean force) throws LinkException, IOException {
        long start = System.nanoTime();
        boolean ours = Files.isRegularFile(home.resolve(ChildRuntime.MANIFEST));
        if (!ours && Files.exists(home) && !(Files.isDirectory(home) && isEmpty(home))) {
            throw new LinkException(Problem.FOREIGN_FOLDER, home.toString());
        }
        List<Path> modules = ChildLaunch.modulePath();
        for (Path m : modules) {
            if (!Files.isRegularFile(m)) {
                throw new LinkException(Problem.NOT_JARS, m.toString());
            }
        }
        if (!force && ours && ChildRuntime.refusal(home, modules) == null
                && System.getProperty("java.version").equals(ChildRuntime.linkedBy(home))) {
            return new Outcome(home, false, millisSince(start), size(home));
        }
        Optional<ToolProvider> jlink = ToolProvider.findFirst("jlink");
        if (jlink.isEmpty()) {
            throw new LinkException(Problem.NO_JLINK, System.getProperty("java.home"));
        }
        if (Files.exists(home)) {
            ArchiveTrainer.deleteQuietly(home);
        }
        Files.createDirectories(home.toAbsolutePath().getParent());
        List<String> args = new ArrayList<>(List.of("--module-path", ChildLaunch.join(modules),
                "--add-modules", "java.base," + String.join(",", ChildRuntime.MODULES),
                "--no-header-files", "--no-man-pages", "--output", home.toString()));
        StringWriter said = new StringWriter();
        PrintWriter out = new PrintWriter(said);
        int code = jlink.get().run(out, out, args.toArray(String[]::new));
        out.flush();
        String dumped = code == 0 && Files.isExecutable(ChildRuntime.java(home)) ? dumpArchive(home) : null;
        if (code != 0 || dumped != null) {
            ArchiveTrainer.deleteQuietly(home);
            throw new LinkException(Problem.JLINK_FAILED, (code != 0 ? said.toString() : dumped).strip());
        }
        ChildRuntime.recordLinked(home, modules);
        return new Outcome(home, true, millisSince(start), size(home));
    }

    /**
     * Makes the runtime's own class-data archive ({@code lib/server/classes.jsa}, what jlink's
     * {@code --generate-cds-archive} makes, which a child's archive extends), without the JVM's warnings about
     * classes of its default list that the image leaves out ({@code java.logging}'s). Null when it worked, else what
     * the JVM said.
     */
    private static String dumpArchive(Path home) throws IOException {
        Process p = new ProcessBuilder(ChildRuntime.java(home).toString(), "-Xshare:dump", "-Xlog:disable",
                "-Xlog:all=error").redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return p.waitFor() == 0 ? null : "the class-data archive: " + said;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "interrupted";
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

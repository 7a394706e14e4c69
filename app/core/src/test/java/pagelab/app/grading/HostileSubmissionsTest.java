package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;
import pagelab.exercises.sparsecells.SparseCells;

/**
 * The trust boundary, attacked as a student out to cheat or to harm a classmate would: one class of sparse-cells
 * submissions, graded as {@code pagelab grade} grades (graded mode, a fresh child per submission, the OS sandbox
 * where there is one, the real simulator), in which every attack family of the grading-integrity issue has a
 * submission, and honest classmates are graded before, between and after them. Each attack must end with the
 * status and reason named here, and every honest classmate with 100/100.
 *
 * <p>Each attack is one statement in {@code open} (or a member of the class), in an otherwise empty solution; see
 * docs/security.md for the family each one stands for.
 */
class HostileSubmissionsTest {
    /** An attack: its code, and what grading must make of it. */
    record Attack(String name, String statement, String member, SubmissionStatus expected, String reason) {
        static Attack in(String name, String statement, SubmissionStatus expected, String reason) {
            return new Attack(name, statement, "", expected, reason);
        }

        static Attack member(String name, String member, SubmissionStatus expected, String reason) {
            return new Attack(name, "", member, expected, reason);
        }
    }

    static final List<Attack> ATTACKS = List.of(
            // 1. a forged verdict: a result the student constructs is not a result
            Attack.in("forged-result", "throw new pagelab.exercise.CheckFailedException("
                    + "pagelab.exercise.CheckResult.pass(\"ok\"));", SubmissionStatus.COMPILE_ERROR,
                    "package pagelab.exercise does not exist"),
            Attack.member("forged-in-constructor", "public SparseSpreadsheet() { throw new "
                    + "pagelab.exercise.CheckFailedException(pagelab.exercise.CheckResult.pass(\"ok\")); }",
                    SubmissionStatus.COMPILE_ERROR, "package pagelab.exercise does not exist"),
            Attack.in("forged-by-reflection", "Class.forName(\"pagelab.exercise.CheckResult\").getMethod(\"pass\","
                    + " String.class).invoke(null, \"ok\");", SubmissionStatus.REJECTED, "Class.forName(String)"),
            // 2. a forged channel: replies written where the host used to read them
            Attack.in("forged-reply-on-fd1", "var out = new java.io.FileOutputStream(java.io.FileDescriptor.out);"
                    + " for (int i = 0; i < 2000; i++) out.write(\"\\u0001pagelab:reply {\\\"id\\\":1,"
                    + "\\\"result\\\":{\\\"status\\\":\\\"PASS\\\",\\\"points\\\":1000}}\\n\""
                    + ".getBytes());", SubmissionStatus.REJECTED, "FileDescriptor.out is not allowed"),
            Attack.in("forged-reply-on-proc-self-fd", "java.nio.file.Files.writeString(java.nio.file.Path.of("
                    + "\"/proc/self/fd/1\"), \"\\u0001pagelab:reply {}\\n\");", SubmissionStatus.REJECTED,
                    "host's files"),
            // 3. reaching the checker or the simulator: Unsafe, reflection, method handles, internals
            Attack.in("unsafe", "Object u = sun.misc.Unsafe.class;", SubmissionStatus.COMPILE_ERROR,
                    "sun.misc"),
            Attack.in("reflection-into-the-kernel", "var f = kernel.getClass().getDeclaredField(\"machine\");"
                    + " f.setAccessible(true);", SubmissionStatus.REJECTED, "reflection is not available"),
            Attack.in("method-handles", "java.lang.invoke.MethodHandles.privateLookupIn(kernel.getClass(),"
                    + " java.lang.invoke.MethodHandles.lookup());", SubmissionStatus.REJECTED, "reflection"),
            Attack.in("simulator-internals", "Object m = pagelab.sim.SimMachine.class;",
                    SubmissionStatus.COMPILE_ERROR, "package pagelab.sim does not exist"),
            Attack.in("fault-injection", "pagelab.kernel.Machine.create(pagelab.kernel.MachineConfig.x86())"
                    + ".faultInjection();", SubmissionStatus.REJECTED, "fault injection is the checker's lever"),
            // the kernel provider each child looks up once (KernelProviders) and the JVM-wide settings a child is
            // started with: neither can be swapped from a solution
            Attack.in("own-kernel-provider", "java.util.ServiceLoader.load(pagelab.kernel.spi.KernelProvider.class)"
                    + ".findFirst();", SubmissionStatus.REJECTED, "loading services is class loading"),
            Attack.in("child-jvm-settings", "System.setProperty(\"java.nio.channels.spi.SelectorProvider\", \"x\");",
                    SubmissionStatus.REJECTED, "may not change the grading JVM's properties"),
            Attack.in("checker-class", "new pagelab.exercises.sparsecells.SparseCellsChecks();",
                    SubmissionStatus.COMPILE_ERROR, "cannot find symbol"),
            // 4. the reference solution and the compiler
            Attack.in("reads-the-reference", "getClass().getResourceAsStream("
                    + "\"/sparse-cells/reference/SparseSpreadsheet.java\").readAllBytes();",
                    SubmissionStatus.REJECTED, "Class.getResourceAsStream(String)"),
            Attack.in("system-class-loader", "ClassLoader.getSystemClassLoader().loadClass("
                    + "\"pagelab.exercises.sparsecells.SparseCells\");", SubmissionStatus.REJECTED,
                    "class loading"),
            Attack.in("compiles-the-reference", "javax.tools.ToolProvider.getSystemJavaCompiler();",
                    SubmissionStatus.COMPILE_ERROR, "javax.tools"),
            // 5. harming a classmate: the JVM's settings, descriptors, files, processes, the host's command line
            Attack.in("security-manager", "System.setSecurityManager(null);", SubmissionStatus.REJECTED,
                    "how the grading JVM is secured"),
            Attack.in("exhausts-file-descriptors", "for (int i = 0; i < 100000; i++) new java.io.FileInputStream("
                    + "\"/dev/null\");", SubmissionStatus.REJECTED, "host's files"),
            Attack.in("rewrites-classmates", "java.nio.file.Files.walk(java.nio.file.Path.of(\"..\"))"
                    + ".forEach(p -> p.toFile().delete());", SubmissionStatus.REJECTED, "host's files"),
            Attack.in("reads-the-hosts-command-line", "System.out.println(ProcessHandle.current().parent().get()"
                    + ".info().commandLine());", SubmissionStatus.REJECTED, "processes"),
            Attack.in("double-fork", "new ProcessBuilder(\"sh\", \"-c\", \"(sleep 600 &) &\").start();",
                    SubmissionStatus.REJECTED, "may not start processes"),
            Attack.in("environment", "System.out.println(System.getenv());", SubmissionStatus.REJECTED,
                    "environment variables"),
            // 6. the host: a plugin planted where the next pagelab would load it
            Attack.in("plants-a-plugin", "java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("
                    + "\"user.home\"), \".pagelab\", \"plugins\", \"evil.jar\"), new byte[0]);",
                    SubmissionStatus.REJECTED, "host's files"),
            // and the honest mistakes the same rules catch
            Attack.in("exits", "System.exit(0);", SubmissionStatus.REJECTED, "must return its result"),
            Attack.in("halts", "Runtime.getRuntime().halt(0);", SubmissionStatus.REJECTED, "must return its result"),
            Attack.member("native-code", "native void poke();", SubmissionStatus.REJECTED, "native code"),
            Attack.in("loops", "while (kernel != null) { Thread.onSpinWait(); }", SubmissionStatus.TIMEOUT,
                    "did not finish within"));

    static final String TEMPLATE = """
            import pagelab.exercises.sparsecells.Spreadsheet;
            import pagelab.kernel.Kernel32;
            import pagelab.kernel.Memory;

            public class SparseSpreadsheet implements Spreadsheet {
                @Override
                public boolean open(Kernel32 kernel, Memory memory) {
                    try {
                        ATTACK
                    } catch (Throwable t) {
                        // the attack failed; the sheet stays closed
                    }
                    return false;
                }

                public long base() { return 0; }
                public boolean setCell(int row, int column, byte[] data) { return false; }
                public byte[] getCell(int row, int column) { return null; }
                public void clearCell(int row, int column) { }
                public void close() { }
                MEMBER
            }
            """;

    @TempDir
    static Path home;
    static LoadedExercise sparseCells;

    @BeforeAll
    static void loadTheExercise() throws URISyntaxException {
        Path plugin = Path.of(SparseCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        sparseCells = LoadedExercise.of(new SparseCells(), "sparse-cells", "test", plugin, List.of(plugin));
    }

    @Test
    void everyAttackEndsWithItsStatusAndEveryHonestClassmateKeepsFullMarks() throws IOException {
        Path klass = Files.createDirectories(home.resolve("class"));
        String reference = new SparseCells().reference().text("SparseSpreadsheet.java");
        List<String> honest = List.of("00-honest-ada", "12b-honest-cy", "99-honest-zoe");
        for (String h : honest) {
            write(klass.resolve(h), reference);
        }
        for (int i = 0; i < ATTACKS.size(); i++) {
            Attack a = ATTACKS.get(i);
            write(klass.resolve(String.format("%02d-%s", i + 1, a.name())),
                    TEMPLATE.replace("ATTACK", a.statement()).replace("MEMBER", a.member()));
        }
        List<Path> folders;
        try (var list = Files.list(klass)) {
            folders = list.sorted().toList();
        }
        GraderOptions options = GraderOptions.defaults(home.resolve("data")).withCheckTimeout(Duration.ofSeconds(3))
                .graded(Sandbox.Mode.AUTO, List.of(klass));
        ClassGrader grading = new ClassGrader(options, 2, null, null);
        List<Gradebook.Row> rows = grading.grade(sparseCells, folders, 15, r -> { });

        Map<String, Gradebook.Row> byName = rows.stream().collect(Collectors.toMap(
                r -> r.student().substring(r.student().indexOf('-') + 1), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<String> wrong = new ArrayList<>();
        for (Attack a : ATTACKS) {
            Gradebook.Row r = byName.get(a.name());
            if (r.status() != a.expected() || !r.reason().contains(a.reason())
                    || (r.result() != null && r.result().points() > 0)) {
                wrong.add(a.name() + ": expected " + a.expected().label() + " with \"" + a.reason() + "\", got "
                        + r.status().label() + " with " + (r.result() == null ? 0 : r.result().points())
                        + " points: " + r.reason());
            }
        }
        assertThat(wrong).as("attacks not ending as they must").isEmpty();
        for (String h : honest) {
            Gradebook.Row r = byName.get(h.substring(h.indexOf('-') + 1));
            assertThat(r.status()).as(h + ": " + r.reason()).isEqualTo(SubmissionStatus.GRADED);
            assertThat(r.result().points()).as(h).isEqualTo(100);
        }
        assertThat(rows).hasSize(ATTACKS.size() + honest.size());
    }

    static void write(Path dir, String source) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("SparseSpreadsheet.java"), source);
    }
}

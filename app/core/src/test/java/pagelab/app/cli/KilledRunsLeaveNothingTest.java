package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.grading.Grader;
import example.tiny.StubMachines;
import pagelab.app.plugins.TestPluginJars;

/**
 * The "leftovers" finding of issue 22, for real: a {@code pagelab check} and a {@code pagelab grade} are killed
 * with SIGKILL in the middle of their work (their grading children too, as when a terminal is closed), they leave
 * working folders and temporary files in the data folder, and the next start of PageLab removes every one of them.
 * Every actor is a separate process: the test JVM never opens the data folder.
 */
class KilledRunsLeaveNothingTest {
    private static final long WAIT_MILLIS = 120_000;

    @TempDir
    Path home;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killEverythingStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theNextStartRemovesWhatAKilledCheckAndAKilledGradeLeftBehind() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = home.resolve("data");
        Path plugin = TestPluginJars.tinyPlugin(home.resolve("tiny.jar"));
        Path loop = solution(home.resolve("loop"), "while (true) { }");
        Path klass = home.resolve("class");
        for (int i = 0; i < 6; i++) {
            String body = i % 3 == 2 ? "while (true) { }" : "return 42;";
            solution(klass.resolve("student" + i), body + " /* " + i + " */"); // one compile each
        }

        Process check = start(data, plugin, "check", "tiny", loop.toString(), "--bundle",
                data.resolve("bundles/loop.zip").toString(), "--timeout", "60");
        waitFor("the check has compiled the solution and runs it", () -> compiled(data) >= 1);
        killTree(check);

        Process grade = start(data, plugin, "grade", "tiny", klass.toString(), "--out",
                data.resolve("grades.csv").toString(), "--bundles", data.resolve("bundles").toString(), "--jobs", "2");
        waitFor("grading has begun", () -> compiled(data) >= 2);
        long delay = random.nextInt(3000);
        Thread.sleep(delay); // somewhere in compiling, checking, or writing a bundle
        killTree(grade);
        List<Path> before = leftovers(data, "");
        assertThat(before).as("seed %d, killed %d ms in: the kill left the grade's lease (and more) behind", seed,
                delay).anyMatch(p -> p.getFileName().toString().endsWith(".lease"));

        Process next = start(data, plugin, "list");
        assertThat(next.waitFor()).as("seed %d: the next start", seed).isZero();

        assertThat(leftovers(data, "")).as("seed %d, killed %d ms in; before the next start there were %s", seed,
                delay, before).isEmpty();
        try (Stream<Path> running = Files.list(data.resolve(".running"))) {
            assertThat(running.map(p -> p.getFileName().toString())).as("no lease of a dead process")
                    .containsExactly("sweep.lock");
        }
    }

    private static Path solution(Path dir, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Solution.java"), "public class Solution implements "
                + "example.tiny.TinySolution {\n    public int answer() { " + body + " }\n}\n");
        return dir;
    }

    private Process start(Path data, Path plugin, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + Grader.MACHINES_PROPERTY + "=" + StubMachines.class.getName(),
                "-cp", System.getProperty("java.class.path"), PageLabCli.class.getName(),
                "--plugins", plugin.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PAGELAB_HOME", data.toString());
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    // SIGKILL to the command and to the grading children it started (descendants, found before the kill).
    private static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        p.waitFor();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle c : children) {
            c.onExit().join();
        }
    }

    /** How many solutions the compile cache holds (each a folder named by 32 hex digits). */
    private static int compiled(Path data) {
        try (Stream<Path> dirs = Files.list(data.resolve("cache/classes"))) {
            return (int) dirs.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Every temporary file or folder of PageLab under {@code data} whose name starts with {@code prefix}. */
    private static List<Path> leftovers(Path data, String prefix) {
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(data)) {
            return all.filter(p -> {
                String n = p.getFileName().toString();
                boolean temp = n.startsWith("child-") || n.contains(".tmp") || n.endsWith(".pagelab-tmp")
                        || n.endsWith(".lease");
                return temp && n.startsWith(prefix) && !p.getParent().getFileName().toString().startsWith("child-");
            }).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // a folder vanished while walking: look again
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("waited " + WAIT_MILLIS / 1000 + " s for: " + what);
            }
            Thread.sleep(20);
        }
    }
}

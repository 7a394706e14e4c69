package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import example.tiny.StubMachines;
import pagelab.app.files.SourceCheckout;
import pagelab.app.grading.Grader;
import pagelab.app.plugins.TestPluginJars;

/**
 * The first hour of a newcomer (issue 19): the banner's three commands ({@code list}, {@code init ID},
 * {@code check ID}) typed as they are printed, from an empty folder and from the repository root. Each command is a
 * separate process started as the launcher starts it, in the folder where the user would type it, with the launcher's
 * {@code PAGELAB_COMMAND=./pagelab} and umask 022.
 */
class NewcomerCliTest {
    private static final String COMMAND = "./pagelab";

    @TempDir
    static Path home;
    static Path data;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void installTheTinyExercise() throws Exception {
        data = home.resolve("data");
        // Installed as a teacher would have it installed: the commands below need no --plugins.
        Path jar = TestPluginJars.tinyPlugin(home.resolve("tiny.jar"));
        StringWriter out = new StringWriter();
        int code = PageLabCli.run(new PrintWriter(out), new PrintWriter(out), Map.of("PAGELAB_HOME", data.toString()),
                "plugin", "install", jar.toString());
        assertThat(code).as(out.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void fromAnEmptyFolderTheBannersCommandsWorkAsPrinted() throws Exception {
        Path student = Files.createDirectories(home.resolve("student"));
        Run banner = run(student);
        assertThat(banner.code()).isEqualTo(ExitCodes.OK);
        assertThat(banner.out()).contains("Start with: ./pagelab list, then ./pagelab init ID, then ./pagelab check ID.")
                .contains("./pagelab install").contains("Usage: ./pagelab");

        Run list = run(student, "list");
        assertThat(list.code()).as(list.all()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains("tiny").contains("The answer");

        Run init = run(student, "init", "tiny");
        assertThat(init.code()).as(init.all()).isEqualTo(ExitCodes.OK);
        assertThat(student.resolve("tiny/Solution.java")).exists();
        assertThat(init.out()).contains("Edit the TODOs, then run: ./pagelab check tiny" + System.lineSeparator());

        Run check = run(student, "check", "tiny");
        assertThat(check.code()).as(check.all()).isIn(ExitCodes.OK, ExitCodes.NOT_PASSED);
        assertThat(check.out()).contains("tiny: ").contains("points");
        assertThat(check.err()).contains("checking tiny");

        Run inside = run(student.resolve("tiny"), "check", "tiny");
        assertThat(inside.code()).as(inside.all()).isEqualTo(check.code());
        assertThat(inside.err()).doesNotContain("checking");
    }

    @Test
    void checkWithNoPathAsksWhenBothThisFolderAndIdHoldTheFilesAndSaysWhatToDoWhenNoneDoes() throws Exception {
        Path both = Files.createDirectories(home.resolve("both/tiny"));
        Files.writeString(both.resolve("Solution.java"), "class Solution { }");
        Files.writeString(both.resolveSibling("Solution.java"), "class Solution { }");
        Run ambiguous = run(both.getParent(), "check", "tiny");
        assertThat(ambiguous.code()).as(ambiguous.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("./pagelab check tiny tiny").contains("./pagelab check tiny .");

        Run none = run(Files.createDirectories(home.resolve("nothing")), "check", "tiny");
        assertThat(none.code()).as(none.all()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(none.err()).contains("found no Solution.java").contains("./pagelab init tiny first");
    }

    @Test
    void aSourceTreeBelowTheCurrentFolderIsNeverSearched() throws Exception {
        // Many Solution.java files below, none in . or ./tiny: before issue 19 this was "two files named ...".
        Path tree = Files.createDirectories(home.resolve("tree"));
        for (String module : List.of("a/src", "b/src", "tiny/src/main/java")) {
            Files.writeString(Files.createDirectories(tree.resolve(module)).resolve("Solution.java"), "x");
        }
        Run r = run(tree, "check", "tiny", "--data-dir", home.resolve("other-data").toString(), "--plugins",
                home.resolve("tiny.jar").toString());
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).doesNotContain("two files named");
    }

    @Test
    void aCompileErrorIsSaidOnceInsteadOfEveryCheckFailingWithNoReason() throws Exception {
        Path broken = Files.createDirectories(home.resolve("broken"));
        Files.writeString(broken.resolve("Solution.java"), "public class Solution {");
        Run r = run(broken, "check", "tiny");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(r.out()).contains("Solution.java:1:").doesNotContain("FAIL");
        assertThat(r.out().split("Checks not run: the solution does not compile", -1)).hasSize(2);
    }

    @Test
    void filesWrittenByInitAreReadableByTheGroupAndOthersUnderUmask022() throws Exception {
        Path dir = Files.createDirectories(home.resolve("umask"));
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        assertThat(run(dir, "init", "tiny").code()).isEqualTo(ExitCodes.OK);
        for (String f : List.of("tiny/Solution.java", "tiny/INSTRUCTIONS.md")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(f))).as(f).contains(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                    .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        }
    }

    @Test
    void fromTheRepositoryRootInitWritesToTheDataFolderAndCheckFindsItThere() throws Exception {
        Path root = SourceCheckout.enclosing(Path.of("")).orElseThrow();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("exercises/sparse-cells/target/classes")),
                "sparse-cells is built (the reactor builds it before app/core)");
        Path rootData = home.resolve("root-data");
        Run list = runReal(root, rootData, "list");
        assertThat(list.code()).as(list.all()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains("sparse-cells");
        titlesStayInTheirColumn(list.out());

        Run init = runReal(root, rootData, "init", "sparse-cells");
        assertThat(init.code()).as(init.all()).isEqualTo(ExitCodes.OK);
        Path work = rootData.resolve("work/sparse-cells");
        assertThat(work.resolve("SparseSpreadsheet.java")).exists();
        assertThat(root.resolve("sparse-cells")).as("nothing written into the source tree").doesNotExist();
        assertThat(init.out()).contains(work.toString()).contains("not in the source checkout")
                .contains("Edit the TODOs, then run: ./pagelab check sparse-cells" + System.lineSeparator());

        Run check = runReal(root, rootData, "check", "sparse-cells");
        assertThat(check.code()).as(check.all()).isEqualTo(ExitCodes.NOT_PASSED); // the starter's TODOs
        assertThat(check.err()).contains("checking " + work).doesNotContain("two files named");
        assertThat(check.out()).startsWith("sparse-cells: ");
    }

    @Test
    void longTitlesWrapBetweenWords() {
        assertThat(ListCommand.wrap("Counting zeros in a file bigger than memory", 40))
                .containsExactly("Counting zeros in a file bigger than", "memory");
        assertThat(ListCommand.wrap("The answer", 40)).containsExactly("The answer");
        assertThat(ListCommand.wrap("x".repeat(45), 40)).containsExactly("x".repeat(40), "xxxxx");
    }

    /** Every exercise's line of {@code list} has its plugin where the header has PLUGIN; wrapped parts fit above. */
    private static void titlesStayInTheirColumn(String list) {
        List<String> lines = list.lines().takeWhile(l -> !l.isBlank()).toList();
        int plugin = lines.get(0).indexOf("PLUGIN");
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(" ")) {
                assertThat(line).as("a title's continuation").startsWith(" ".repeat(ListCommand.TITLE_COLUMN));
                assertThat(line.length()).as(line).isLessThan(plugin);
            } else {
                String id = line.substring(0, line.indexOf(' '));
                assertThat(line.substring(plugin)).as("the plugin of " + line).startsWith(id + " ");
            }
        }
    }

    /** A command in {@code dir}, on the tiny exercise (stub machines), with {@code DATA} = {@link #data}. */
    private static Run run(Path dir, String... args) throws Exception {
        List<String> jvm = List.of("-D" + Grader.MACHINES_PROPERTY + "=" + StubMachines.class.getName());
        return start(dir, data, jvm, args);
    }

    /** A command in {@code dir} with the real simulator and the exercises of the source tree. */
    private static Run runReal(Path dir, Path dataDir, String... args) throws Exception {
        return start(dir, dataDir, List.of(), args);
    }

    private static Run start(Path dir, Path dataDir, List<String> jvmOptions, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh", java,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PageLabCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PAGELAB_HOME", dataDir.toString());
        pb.environment().put(PageLabCli.COMMAND_ENV, COMMAND);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("pagelab " + String.join(" ", args) + " in " + dir + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

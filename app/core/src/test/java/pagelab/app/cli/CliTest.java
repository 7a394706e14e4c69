package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import pagelab.app.grading.Grader;
import example.tiny.StubMachines;
import example.tiny.TinyExercise;
import pagelab.app.plugins.TestPluginJars;

/** The command line end to end, on a plugin jar of the tiny test exercise, with real child JVMs. */
class CliTest {
    @TempDir
    static Path home;
    static Path plugin;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void buildPlugin() throws Exception {
        plugin = TestPluginJars.tinyPlugin(home.resolve("tiny.jar"));
        // the tiny exercise never touches its machine: keep these tests independent of the simulator's state
        System.setProperty(Grader.MACHINES_PROPERTY, StubMachines.class.getName());
    }

    @AfterAll
    static void forgetStub() {
        System.clearProperty(Grader.MACHINES_PROPERTY);
    }

    static Run run(String... args) {
        return runWith(home.resolve("data"), args);
    }

    /** Runs a command with its own data folder, so what it changes there stays out of the other tests. */
    static Run runWith(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("--plugins", plugin.toString()));
        all.addAll(List.of(args));
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("nonsense"))) {
            all = List.of(args);
        }
        int code = PageLabCli.run(new PrintWriter(out), new PrintWriter(err), Map.of("PAGELAB_HOME",
                dataDir.toString()), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a command with another data folder (another grader's machine); returns the exit code. */
    static int runIn(Path dataDir, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--plugins", plugin.toString()));
        all.addAll(List.of(args));
        return PageLabCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of("PAGELAB_HOME", dataDir.toString()), all.toArray(String[]::new));
    }

    static Path solution(String name, String text) throws IOException {
        Path dir = Files.createDirectories(home.resolve("solutions").resolve(name));
        Files.writeString(dir.resolve("Solution.java"), text);
        return dir;
    }

    static String answer(int value) {
        return "public class Solution implements example.tiny.TinySolution {\n"
                + "    public int answer() { return " + value + "; }\n}\n";
    }

    @Test
    void helpListsTheExitCodes() {
        Run r = run("--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("check", "grade", "verify-plugin", "verify-result", "Exit codes:",
                "3  the solution does not compile");
        assertThat(run("check", "--help").out()).contains("--reference", "--format", "Exit codes:");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("nonsense");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nonsense");
    }

    @Test
    void listShowsExercisesAndFailedPluginsWithTheirReason() throws IOException {
        Path broken = Files.write(home.resolve("broken.jar"), new byte[]{1, 2, 3});
        Run r = run("--plugins", broken.toString(), "list");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("tiny", "The answer", "tiny-plugin 1.0.0")
                .contains("Plugins that failed to load:").contains("broken.jar").contains("not a readable jar");
        JsonNode json = new ObjectMapper().readTree(run("list", "--format", "json").out());
        assertThat(json.get("exercises").get(0).get("descriptor").get("id").asText()).isEqualTo("tiny");
    }

    @Test
    void aDisabledPluginLeavesTheCatalogUntilItIsEnabledAgain() {
        Path data = home.resolve("data-disabling");
        Run off = runWith(data, "plugin", "disable", "tiny-plugin");
        assertThat(off.code()).as(off.err()).isEqualTo(ExitCodes.OK);
        assertThat(off.out()).contains("Disabled plugin tiny-plugin", "plugin enable tiny-plugin");

        Run list = runWith(data, "list");
        assertThat(list.out()).as("a disabled plugin stays off at the next start")
                .doesNotContain("The answer").contains("Disabled plugins", "tiny-plugin")
                .doesNotContain("failed to load");
        Run check = runWith(data, "check", "tiny", "--reference");
        assertThat(check.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(check.err()).contains("no exercise 'tiny'", "Disabled plugins", "plugin enable ID", "tiny-plugin");

        Run on = runWith(data, "plugin", "enable", "tiny-plugin");
        assertThat(on.code()).as(on.err()).isEqualTo(ExitCodes.OK);
        assertThat(on.out()).contains("Enabled tiny-plugin: tiny");
        assertThat(runWith(data, "list").out()).contains("The answer").doesNotContain("Disabled plugins");
    }

    @Test
    void disablingOrEnablingAPluginThatIsNotThereSaysSo() {
        Path data = home.resolve("data-unknown-plugin");
        Run off = runWith(data, "plugin", "disable", "no-such-plugin");
        assertThat(off.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(off.err()).contains("cannot disable no-such-plugin", "no plugin has the id 'no-such-plugin'");
        Run on = runWith(data, "plugin", "enable", "tiny-plugin");
        assertThat(on.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(on.err()).contains("no disabled plugin has the id 'tiny-plugin'");
    }

    @Test
    void checkExitCodesSayFullMarksPartialCompileErrorAndNotFound() throws IOException {
        assertThat(run("check", "tiny", "--reference").code()).isEqualTo(ExitCodes.OK);
        assertThat(run("check", "tiny", solution("good", answer(42)).toString()).code()).isEqualTo(ExitCodes.OK);
        Run wrong = run("check", "tiny", solution("wrong", answer(41)).toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.NOT_PASSED);
        assertThat(wrong.out()).contains("1/3 points").contains("FAIL").contains("got 41");
        Run broken = run("check", "tiny", solution("broken", "public class Solution {").toString());
        assertThat(broken.code()).isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(broken.out()).contains("Solution.java:1:");
        assertThat(run("check", "no-such-exercise", "--reference").code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("check", "tiny", home.resolve("nowhere").toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("check", "tiny", "x", "--reference").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void junitReportIsWellFormedXmlWithOneTestcasePerCheck() throws Exception {
        Path xml = home.resolve("reports/junit.xml");
        Run r = run("check", "tiny", solution("junit", answer(7)).toString(), "--format", "junit", "--out",
                xml.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_PASSED);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void gradescopeReportFollowsTheResultsJsonSchema() throws IOException {
        Run r = run("check", "tiny", solution("gs", answer(7)).toString(), "--format", "gradescope");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("score").asInt()).isEqualTo(1);
        assertThat(json.get("max_score").asInt()).isEqualTo(3);
        JsonNode first = json.get("tests").get(0);
        assertThat(first.get("name").asText()).isEqualTo("Answers 42");
        assertThat(first.get("status").asText()).isEqualTo("failed");
        assertThat(first.get("max_score").asInt()).isEqualTo(2);
        assertThat(first.get("output").asText()).contains("got 7");
        assertThat(json.get("tests").get(1).get("status").asText()).isEqualTo("passed");
    }

    @Test
    void jsonReportCarriesTheFullResult() throws IOException {
        Run r = run("check", "tiny", "--reference", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("report").get("results").get(0).get("checkId").asText()).isEqualTo("answers");
        assertThat(json.get("sourcesSha256").asText()).hasSize(64);
    }

    @Test
    void initWritesTheStarterAndNeverOverwritesWithoutForce() throws IOException {
        Path dir = home.resolve("init/tiny");
        assertThat(run("init", "tiny", dir.toString()).code()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("Solution.java"))).isEqualTo(new TinyExercise().starter()
                .text("Solution.java"));
        assertThat(dir.resolve("INSTRUCTIONS.md")).exists();
        Files.writeString(dir.resolve("Solution.java"), "my work");
        Run again = run("init", "tiny", dir.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.WOULD_OVERWRITE);
        assertThat(again.err()).contains("--force");
        assertThat(Files.readString(dir.resolve("Solution.java"))).isEqualTo("my work");
        assertThat(run("init", "tiny", dir.toString(), "--force").code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void gradeWritesOneCsvRowPerStudentAndOneColumnPerCheck() throws IOException {
        Path subs = home.resolve("class");
        Files.createDirectories(subs.resolve("ada"));
        Files.writeString(subs.resolve("ada/Solution.java"), answer(42));
        Files.createDirectories(subs.resolve("bob"));
        Files.writeString(subs.resolve("bob/Solution.java"), answer(1));
        Files.createDirectories(subs.resolve("cy"));
        Files.writeString(subs.resolve("cy/Solution.java"), "class Solution {");
        Files.createDirectories(subs.resolve("dee"));
        Path csv = home.resolve("grades.csv");
        Path json = home.resolve("grades.json");
        Run r = run("grade", "tiny", subs.toString(), "--out", csv.toString(), "--jobs", "2", "--bundles",
                home.resolve("bundles").toString(), "--json", json.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Graded 4 submissions").contains("2 graded, 1 compile-error, 1 not-graded")
                .contains("not-graded: dee: no .java files");
        JsonNode students = new ObjectMapper().readTree(json.toFile()).get("students");
        assertThat(students.get(0).get("status").asText()).isEqualTo("graded");
        assertThat(students.get(0).get("checks").get("answers").get("run").asText()).isEqualTo("completed");
        assertThat(students.get(2).get("status").asText()).isEqualTo("compile-error");
        assertThat(students.get(3).get("reason").asText()).contains("no .java files");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("student,points,max_points,percent,status,answers (2),independent (1)");
        assertThat(rows.get(1)).startsWith("ada,3,3,100.0,graded,2,1,");
        assertThat(rows.get(2)).startsWith("bob,1,3,33.3,graded,0,1,");
        assertThat(rows.get(3)).startsWith("cy,0,3,0.0,compile-error,0,0,");
        assertThat(rows.get(4)).startsWith("dee,0,3,0.0,not-graded");
        try (Stream<Path> b = Files.list(home.resolve("bundles"))) {
            assertThat(b.count()).isEqualTo(3);
        }
    }

    @Test
    void verifyResultConfirmsAnHonestSignedBundleAndRefutesATamperedOne() throws IOException {
        assertThat(run("keys", "--force").code()).isEqualTo(ExitCodes.OK);
        Path bundle = home.resolve("honest.zip");
        assertThat(run("check", "tiny", solution("bundled", answer(41)).toString(), "--bundle", bundle.toString())
                .code()).isEqualTo(ExitCodes.NOT_PASSED);
        Run ok = run("verify-result", bundle.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).startsWith("CONFIRMED: tiny 1/3").contains("signed by SHA256:");

        Path tampered = TestPluginJars.rewriteEntry(bundle, home.resolve("tampered.zip"), "pagelab-result.json",
                s -> s.replace("\"points\" : 1,", "\"points\" : 3,").replace("\"status\" : \"FAIL\"",
                        "\"status\" : \"PASS\"").replace("\"points\" : 0,", "\"points\" : 2,"));
        Run refuted = run("verify-result", tampered.toString());
        assertThat(refuted.code()).as(refuted.out()).isEqualTo(ExitCodes.REFUTED);
        assertThat(refuted.out()).contains("changed after it was signed");

        Path swapped = TestPluginJars.rewriteEntry(bundle, home.resolve("swapped.zip"), "sources/Solution.java",
                s -> s.replace("41", "42"));
        Run changed = run("verify-result", swapped.toString());
        assertThat(changed.code()).isEqualTo(ExitCodes.REFUTED);
        assertThat(changed.out()).contains("Solution.java was changed after grading");

        assertThat(run("verify-result", plugin.toString()).code()).isEqualTo(ExitCodes.IO_ERROR);
    }

    @Test
    void anUnsignedBundleOrOneSignedByAStrangerIsNotTrusted() throws IOException {
        Path bundle = home.resolve("reference.zip");
        Path keyless = home.resolve("keyless");
        assertThat(runIn(keyless, "check", "tiny", "--reference", "--bundle", bundle.toString()))
                .as("graded the reference with no signing key").isEqualTo(ExitCodes.OK);
        Run unsigned = run("verify-result", bundle.toString());
        assertThat(unsigned.code()).isEqualTo(ExitCodes.UNTRUSTED);
        assertThat(unsigned.out()).startsWith("UNSIGNED").contains("anyone could have written");

        Path stranger = home.resolve("stranger");
        assertThat(runIn(stranger, "keys")).isEqualTo(ExitCodes.OK);
        Path foreign = home.resolve("foreign.zip");
        assertThat(runIn(stranger, "check", "tiny", "--reference", "--bundle", foreign.toString()))
                .isEqualTo(ExitCodes.OK);
        Run notTrusted = run("verify-result", foreign.toString());
        assertThat(notTrusted.code()).isEqualTo(ExitCodes.UNTRUSTED);
        assertThat(notTrusted.out()).startsWith("FOREIGN").contains("not among the keys trusted here");
        Run trusted = run("verify-result", foreign.toString(), "--key",
                stranger.resolve("keys").resolve("pagelab-signing.pub").toString());
        assertThat(trusted.code()).as(trusted.out()).isEqualTo(ExitCodes.OK);
    }

    /**
     * The tiny exercise proves its reference and its known-wrong solution, but its starter earns the point of the
     * check that never calls the solution (1 of 3): verify-plugin refuses a starter above 10% and names that check.
     */
    @Test
    void verifyPluginProvesTheTinyExerciseAndRefusesItsGenerousStarter() {
        Run r = run("verify-plugin", plugin.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.PLUGIN_INVALID);
        assertThat(r.out()).contains("ok    load: plugin tiny-plugin").contains("ok    reference: scores 100%")
                .contains("ok    known-wrong off-by-one: fails exactly [answers]")
                .contains("FAIL  starter: scores 1/3, more than 10%").contains("[independent 1/1]")
                .contains("1 problem(s)");
    }

    @Test
    void verifyPluginRefusesABrokenJar() throws IOException {
        Path broken = Files.write(home.resolve("broken2.jar"), new byte[]{9});
        Run r = run("verify-plugin", broken.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.PLUGIN_INVALID);
        assertThat(r.out()).contains("not a readable jar");
    }

    @Test
    void childRuntimeLeavesAFolderThatIsNotOneAlone() throws IOException {
        Path foreign = Files.createDirectories(home.resolve("not-a-runtime"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        Run r = run("child-runtime", "--out", foreign.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.WOULD_OVERWRITE);
        assertThat(r.err()).contains(foreign.toString(), "not a PageLab runtime");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    /**
     * Linked from the kernel's jars (a build that packaged them, as CI's verify does), the runtime holds java.base
     * and the kernel's modules, and a second run finds it up to date; from class folders (mvn test) it is refused.
     */
    @Test
    void childRuntimeLinksJavaBaseAndTheKernelFromJarsOnly() throws Exception {
        Path rt = home.resolve("child-runtime-" + System.nanoTime());
        boolean jars = Files.isRegularFile(Path.of(pagelab.kernel.Machine.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()));

        Run r = run("child-runtime", "--out", rt.toString());

        if (!jars) {
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(r.err()).contains("class folders", "mvn package");
            assertThat(rt).doesNotExist();
            return;
        }
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Linked the grading children's runtime in " + rt, "-Dpagelab.child.runtime=" + rt);
        Process p = new ProcessBuilder(rt.resolve("bin/java").toString(), "--list-modules").start();
        String modules = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(modules.lines().map(l -> l.replaceFirst("@.*", "")))
                .containsExactlyInAnyOrder("java.base", "pagelab.kernel", "pagelab.sim");
        assertThat(rt.resolve("lib/server/classes.jsa")).isRegularFile();
        assertThat(run("child-runtime", "--out", rt.toString()).out()).contains("is up to date");
    }
}

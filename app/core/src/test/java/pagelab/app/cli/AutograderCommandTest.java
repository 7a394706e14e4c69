package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.packaging.GithubWorkflow;
import pagelab.app.results.GradescopeReport;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;
import pagelab.exercises.sparsecells.SparseCells;

/**
 * {@code pagelab autograder}: the Gradescope zip, unzipped into a fake {@code /autograder} tree and run with bash
 * against a correct, a wrong, an empty and a non-compiling submission, each results.json checked against the fields
 * Gradescope documents; and the GitHub Classroom workflow with its job-summary script.
 */
class AutograderCommandTest {
    @TempDir
    static Path home;
    static Path plugin;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void buildPlugin() throws Exception {
        plugin = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar"));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins", plugin.toString()));
        all.addAll(List.of(args));
        int code = PageLabCli.run(new PrintWriter(out), new PrintWriter(err), Map.of("PAGELAB_HOME",
                home.resolve("data").toString()), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void gradescopeZipGradesEverySubmissionIntoAValidResultsJson() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "run_autograder is a bash script");
        Path zip = home.resolve("autograder.zip");
        Run made = run("autograder", "sparse-cells", "--target", "gradescope", "--out", zip.toString(),
                "--visibility", "after_due_date", "--stdout-visibility", "hidden");
        assertThat(made.code()).as(made.out() + made.err()).isEqualTo(ExitCodes.OK);
        assertThat(made.out()).contains("Wrote " + zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("setup.sh")).isNotNull();
            assertThat(z.getEntry("run_autograder")).isNotNull();
            assertThat(z.getEntry("pagelab/bin/pagelab")).isNotNull();
            assertThat(z.getEntry("pagelab/plugins/sparse-cells.jar")).isNotNull();
            assertThat(z.stream().map(ZipEntry::getName).filter(n -> n.startsWith("pagelab/lib/")))
                    .anyMatch(n -> n.contains("core")).noneMatch(n -> n.contains("desktop") || n.contains("flatlaf"));
            String setup = text(z, "setup.sh");
            assertThat(setup).contains("apt-get install", "openjdk-17-jdk-headless",
                    "/autograder/source/pagelab/bin/pagelab child-runtime");
        }
        SparseCells ex = new SparseCells();
        KnownWrongSolution wrong = ex.knownWrong().get(0);
        int max = CheckPlan.of(ex.checks()).checks().stream().mapToInt(CheckInfo::points).sum();
        JsonNode correct = gradescope("correct", ex.reference(), zip);
        assertThat(correct.get("score").asInt()).isEqualTo(max).isEqualTo(correct.get("max_score").asInt());
        assertThat(correct.get("visibility").asText()).isEqualTo("after_due_date");
        assertThat(correct.get("stdout_visibility").asText()).isEqualTo("hidden");

        JsonNode bad = gradescope("wrong", wrong.sources(), zip);
        assertThat(bad.get("score").asInt()).as(wrong.name()).isLessThan(max);
        assertThat(bad.get("tests")).anyMatch(t -> t.get("status").asText().equals("failed"));

        JsonNode empty = gradescope("empty", null, zip);
        assertThat(empty.get("score").asInt()).isZero();
        assertThat(empty.get("max_score").asInt()).isEqualTo(max);
        assertThat(empty.get("output").asText()).contains("Not graded", "no .java files").doesNotContain(home
                .toString());

        SourceSet broken = SourceSet.of("SparseSpreadsheet.java", "public class SparseSpreadsheet {");
        JsonNode notCompiling = gradescope("broken", broken, zip);
        assertThat(notCompiling.get("score").asInt()).isZero();
        assertThat(notCompiling.get("output").asText()).contains("do not compile", "SparseSpreadsheet.java");
    }

    /** What setup.sh does on Gradescope, on the unpacked zip: link the children's runtime, which they then use. */
    @Test
    void theGradescopeInstallationLinksItsChildrensRuntimeAsSetupDoes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "bin/pagelab is a POSIX shell script");
        Path zip = home.resolve("autograder-runtime.zip");
        assertThat(run("autograder", "sparse-cells", "--target", "gradescope", "--out", zip.toString()).code())
                .isEqualTo(ExitCodes.OK);
        Path source = Files.createDirectories(home.resolve("runtime-source"));
        unzip(zip, source);
        String pagelab = source.resolve("pagelab/bin/pagelab").toString();
        Map<String, String> env = Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"), "PAGELAB_HOME", home.resolve("data-runtime").toString());

        String linked = exec(List.of("sh", pagelab, "child-runtime"), env);
        String version = exec(List.of("sh", pagelab, "--version"), env);
        String checked = exec(List.of("sh", pagelab, "check", "sparse-cells", "--reference", "--graded"), env);

        assertThat(linked).contains("Linked the grading children's runtime in " + source.resolve("pagelab/child-runtime"));
        assertThat(version).contains("grading children: runtime image " + source.resolve("pagelab/child-runtime"));
        assertThat(checked).contains("sparse-cells: 100/100 points");
    }

    @Test
    void checkWritesAGradescopeResultForAnEmptySubmissionAndKeepsItsExitCode() throws IOException {
        Path empty = Files.createDirectories(home.resolve("nothing-here"));
        Path results = home.resolve("nothing-results.json");
        Run r = run("check", "sparse-cells", empty.toString(), "--graded", "--format", "gradescope", "--out",
                results.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode json = valid(new ObjectMapper().readTree(results.toFile()));
        assertThat(json.get("score").asInt()).isZero();
        assertThat(json.get("output").asText()).contains("no .java files in the submission");
        assertThat(run("check", "sparse-cells", "--reference", "--format", "gradescope", "--visibility", "soon")
                .code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void githubWorkflowIsWellFormedAndItsSummaryScriptReportsPointsPerCheck() throws Exception {
        Path repo = home.resolve("classroom-repo");
        Run made = run("autograder", "sparse-cells", "--target", "github", "--out", repo.toString(),
                "--grader-url", "https://example.org/course/autograder.zip");
        assertThat(made.code()).as(made.out() + made.err()).isEqualTo(ExitCodes.OK);
        String yaml = Files.readString(repo.resolve(GithubWorkflow.WORKFLOW));
        Yaml.assertWellFormed(yaml);
        assertThat(yaml).contains("actions/checkout@v4", "actions/setup-java@v4", "java-version: '17'",
                "check sparse-cells . --graded --format junit", "actions/upload-artifact@v4", "GITHUB_STEP_SUMMARY",
                "https://example.org/course/autograder.zip");
        assertThat(Yaml.topLevelKeys(yaml)).containsExactly("name", "on", "permissions", "jobs");

        assumeTrue(python(), "the job summary script needs python3 (GitHub's runners have it)");
        Path xml = home.resolve("wrong.xml");
        Path wrong = SparseCellsPlugin.write(home.resolve("gh-wrong"), new SparseCells().knownWrong().get(0)
                .sources());
        run("check", "sparse-cells", wrong.toString(), "--format", "junit", "--out", xml.toString());
        String summary = exec(List.of("python3", repo.resolve(GithubWorkflow.SUMMARY).toString(), xml.toString()),
                Map.of());
        assertThat(summary).contains("## PageLab: sparse-cells", "| check | points | result | message |")
                .containsPattern("\\*\\*\\d+ / \\d+ points\\*\\*").contains("| pass |").containsPattern("\\| fail");
        assertThat(summary.lines().filter(l -> l.startsWith("| ") && l.contains("/"))).hasSize(10);
        String missing = exec(List.of("python3", repo.resolve(GithubWorkflow.SUMMARY).toString(),
                home.resolve("none.xml").toString()), Map.of());
        assertThat(missing).contains("Not graded: PageLab wrote no results");
    }

    /** Lays out AUTOGRADER_ROOT as Gradescope does, runs run_autograder, returns the results.json it wrote. */
    private static JsonNode gradescope(String name, SourceSet sources, Path zip) throws Exception {
        Path root = home.resolve("autograder-" + name + "-" + System.nanoTime());
        Path source = Files.createDirectories(root.resolve("source"));
        unzip(zip, source);
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"));
        Path submission = Files.createDirectories(root.resolve("submission"));
        if (sources != null) {
            SparseCellsPlugin.write(submission, sources);
        }
        Files.createDirectories(root.resolve("results"));
        String java = Path.of(System.getProperty("java.home"), "bin").toString();
        String log = exec(List.of("bash", root.resolve("run_autograder").toString()), Map.of("AUTOGRADER_ROOT",
                root.toString(), "PATH", java + ":" + System.getenv("PATH"), "PAGELAB_HOME",
                home.resolve("data-" + name).toString()));
        Path results = root.resolve("results/results.json");
        assertThat(results).as(log).exists();
        return valid(new ObjectMapper().readTree(results.toFile()));
    }

    /** The fields of Gradescope's results.json specification, with their types and allowed values. */
    static JsonNode valid(JsonNode r) {
        assertThat(r.get("score").isNumber()).as("score").isTrue();
        assertThat(r.get("max_score").isNumber()).as("max_score").isTrue();
        assertThat(r.get("output").isTextual()).as("output").isTrue();
        assertThat(GradescopeReport.VISIBILITIES).contains(r.get("visibility").asText(),
                r.get("stdout_visibility").asText());
        assertThat(r.get("tests").isArray()).isTrue();
        double sum = 0;
        for (JsonNode t : r.get("tests")) {
            assertThat(t.get("name").isTextual()).isTrue();
            assertThat(t.get("score").isNumber()).isTrue();
            assertThat(t.get("max_score").isNumber()).isTrue();
            assertThat(t.get("score").asDouble()).isBetween(0.0, t.get("max_score").asDouble());
            assertThat(t.get("status").asText()).isIn("passed", "failed");
            assertThat(t.get("output").isTextual()).isTrue();
            assertThat(GradescopeReport.VISIBILITIES).contains(t.get("visibility").asText());
            sum += t.get("score").asDouble();
        }
        assertThat(r.get("score").asDouble()).isEqualTo(sum);
        return r;
    }

    private static void unzip(Path zip, Path into) throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/unzip"))) { // Info-ZIP restores the scripts' modes
            exec(List.of("unzip", "-q", zip.toString(), "-d", into.toString()), Map.of());
            assertThat(Files.getPosixFilePermissions(into.resolve("run_autograder")))
                    .contains(PosixFilePermission.OWNER_EXECUTE);
            return;
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                Path p = into.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, p);
                    }
                }
            }
        }
    }

    private static String text(ZipFile z, String name) throws IOException {
        try (InputStream in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}

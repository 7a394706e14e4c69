package pagelab.app.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.PolicyViolation;

/**
 * Gradescope's autograder {@code results.json}: {@code score}, {@code max_score}, {@code output},
 * {@code visibility}, {@code stdout_visibility} and one entry of {@code tests} per check with {@code name},
 * {@code score}, {@code max_score}, {@code status} (passed or failed), {@code output} and {@code visibility}.
 * Gradescope shows "autograder failed" for a run without a results.json, so a submission that could not be graded
 * at all (no sources, a file that is not text) still gets one: {@link #writeNotGraded}, score 0 and the reason.
 */
public final class GradescopeReport {
    /** The visibilities Gradescope accepts, for the tests and for the autograder's output. */
    public static final List<String> VISIBILITIES = List.of("visible", "after_due_date", "after_published", "hidden");

    /**
     * Who sees what on Gradescope.
     *
     * @param tests  the result's and every test's {@code visibility}
     * @param stdout {@code stdout_visibility}: the autograder's own output (the run_autograder log)
     */
    public record Visibility(String tests, String stdout) {
        public static final Visibility VISIBLE = new Visibility("visible", "visible");

        public Visibility {
            check(tests);
            check(stdout);
        }

        private static void check(String v) {
            if (!VISIBILITIES.contains(v)) {
                throw new IllegalArgumentException("'" + v + "' is not a Gradescope visibility: one of "
                        + String.join(", ", VISIBILITIES));
            }
        }
    }

    private GradescopeReport() {
    }

    static void write(GradingResult r, Writer out) throws IOException {
        write(r, Visibility.VISIBLE, out);
    }

    /** The results.json of a graded (or at least compiled) submission. */
    public static void write(GradingResult r, Visibility visibility, Writer out) throws IOException {
        ObjectNode root = root(r.points(), r.maxPoints(), summary(r), visibility);
        root.put("execution_time", r.millis() / 1000.0);
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckResult c : r.report().results()) {
            test(tests, number++, c.title(), c.points(), c.maxPoints(), c.status() == CheckStatus.PASS,
                    output(c, r.output().get(c.checkId())), visibility);
        }
        finish(root, out);
    }

    /**
     * The results.json of a submission that could not be graded: score 0, every check failed with the reason, and
     * the reason as the output.
     *
     * @param exerciseId the exercise
     * @param plugin     the plugin's id and version, for the output's first line
     * @param checks     the exercise's checks, in run order
     * @param reason     why nothing was graded, for the student ("no .java files in submission")
     */
    public static void writeNotGraded(String exerciseId, String plugin, List<CheckInfo> checks, String reason,
                                      Visibility visibility, Writer out) throws IOException {
        int max = checks.stream().mapToInt(CheckInfo::points).sum();
        ObjectNode root = root(0, max, "PageLab " + exerciseId + " (" + plugin + ")\nNot graded: " + reason,
                visibility);
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckInfo c : checks) {
            test(tests, number++, c.title(), 0, c.points(), false, "NOT RUN: " + reason, visibility);
        }
        finish(root, out);
    }

    private static ObjectNode root(int score, int max, String output, Visibility visibility) {
        ObjectNode root = Reports.json().createObjectNode();
        root.put("score", score);
        root.put("max_score", max);
        root.put("output", output);
        root.put("visibility", visibility.tests());
        root.put("stdout_visibility", visibility.stdout());
        return root;
    }

    private static void test(ArrayNode tests, int number, String name, int score, int max, boolean passed,
                             String output, Visibility visibility) {
        ObjectNode t = tests.addObject();
        t.put("name", name);
        t.put("number", String.valueOf(number));
        t.put("score", score);
        t.put("max_score", max);
        t.put("status", passed ? "passed" : "failed");
        t.put("output", output);
        t.put("visibility", visibility.tests());
    }

    private static void finish(ObjectNode root, Writer out) throws IOException {
        Reports.json().writeValue(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, root);
        out.write(System.lineSeparator());
        out.flush();
    }

    private static String summary(GradingResult r) {
        StringBuilder b = new StringBuilder("PageLab " + r.exerciseId() + " (" + r.pluginId() + " "
                + r.pluginVersion() + "), seed " + r.report().seed() + ", sources SHA-256 " + r.sourcesSha256());
        if (!r.compile().compiled()) {
            b.append("\nScore 0: the sources do not compile:");
            for (CompileDiagnostic d : r.compile().errors()) {
                b.append("\n  ").append(d);
            }
        }
        if (r.compile().rejected()) {
            b.append("\nScore 0: the solution uses what a solution may not:");
            for (PolicyViolation v : r.compile().violations()) {
                b.append("\n  ").append(v);
            }
        }
        return b.toString();
    }

    private static String output(CheckResult c, String printed) {
        StringBuilder b = new StringBuilder(c.status() + ": " + c.message());
        if (c.hint() != null) {
            b.append("\nHint: ").append(c.hint());
        }
        if (printed != null) {
            b.append("\nThe solution printed:\n").append(printed);
        }
        return b.toString();
    }
}

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
        write(r, visibility, ReportText.ENGLISH, out);
    }

    /**
     * The results.json of a graded (or at least compiled) submission, PageLab's own words in {@code text}'s language
     * (the check's titles, messages and hints are what {@code r} holds).
     */
    public static void write(GradingResult r, Visibility visibility, ReportText text, Writer out) throws IOException {
        ObjectNode root = root(r.points(), r.maxPoints(), summary(r, text), visibility);
        root.put("execution_time", r.millis() / 1000.0);
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckResult c : r.report().results()) {
            test(tests, number++, c.title(), c.points(), c.maxPoints(), c.status() == CheckStatus.PASS,
                    output(c, r, text), visibility);
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
        writeNotGraded(exerciseId, plugin, checks, null, reason, visibility, ReportText.ENGLISH, out);
    }

    /**
     * As {@link #writeNotGraded(String, String, List, String, Visibility, Writer)}, with PageLab's words in
     * {@code text}'s language and the checks' titles as {@code titles} gives them (null: their own).
     */
    public static void writeNotGraded(String exerciseId, String plugin, List<CheckInfo> checks,
                                      java.util.function.Function<CheckInfo, String> titles, String reason,
                                      Visibility visibility, ReportText text, Writer out) throws IOException {
        int max = checks.stream().mapToInt(CheckInfo::points).sum();
        ObjectNode root = root(0, max, "PageLab " + exerciseId + " (" + plugin + ")\n"
                + text.format("gradescope.notGraded", reason), visibility);
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckInfo c : checks) {
            String title = titles == null ? null : titles.apply(c);
            test(tests, number++, title == null ? c.title() : title, 0, c.points(), false,
                    text.format("gradescope.notRun", reason), visibility);
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

    private static String summary(GradingResult r, ReportText text) {
        StringBuilder b = new StringBuilder(text.format("gradescope.header", r.exerciseId(), r.pluginId(),
                r.pluginVersion(), r.report().seed(), r.sourcesSha256()));
        if (!r.compile().compiled()) {
            b.append("\n").append(text.get("gradescope.doesNotCompile"));
            for (CompileDiagnostic d : r.compile().errors()) {
                b.append("\n  ").append(text.diagnostic(d));
            }
        }
        if (r.compile().rejected()) {
            b.append("\n").append(text.get("gradescope.rejected"));
            for (PolicyViolation v : r.compile().violations()) {
                b.append("\n  ").append(text.violation(v));
            }
        }
        return b.toString();
    }

    private static String output(CheckResult c, GradingResult r, ReportText text) {
        // A solution that cannot run: every check's message is the compiler's or the policy's one-line summary,
        // said here in the report's language.
        String message = r.compile().runnable() || text.english() ? c.message() : text.summary(r.compile());
        StringBuilder b = new StringBuilder(text.format("gradescope.output", text.status(c.status()), message));
        if (c.hint() != null) {
            b.append("\n").append(text.format("gradescope.hint", c.hint()));
        }
        String printed = r.output().get(c.checkId());
        if (printed != null) {
            b.append("\n").append(text.get("gradescope.printed")).append("\n").append(printed);
        }
        return b.toString();
    }
}

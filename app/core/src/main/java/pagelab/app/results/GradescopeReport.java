package pagelab.app.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.PolicyViolation;

/**
 * Gradescope's autograder {@code results.json}: {@code score}, {@code max_score}, {@code output} and one entry of
 * {@code tests} per check with {@code name}, {@code score}, {@code max_score}, {@code status} (passed or failed)
 * and {@code output}. Everything is visible to the student, as PageLab's messages are written for students.
 */
final class GradescopeReport {
    private GradescopeReport() {
    }

    static void write(GradingResult r, Writer out) throws IOException {
        ObjectNode root = Reports.json().createObjectNode();
        root.put("score", r.points());
        root.put("max_score", r.maxPoints());
        root.put("execution_time", r.millis() / 1000.0);
        root.put("output", summary(r));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "visible");
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckResult c : r.report().results()) {
            ObjectNode t = tests.addObject();
            t.put("name", c.title());
            t.put("number", String.valueOf(number++));
            t.put("score", c.points());
            t.put("max_score", c.maxPoints());
            t.put("status", c.status() == CheckStatus.PASS ? "passed" : "failed");
            t.put("output", output(c, r.output().get(c.checkId())));
            t.put("visibility", "visible");
        }
        Reports.json().writeValue(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, root);
        out.write(System.lineSeparator());
    }

    private static String summary(GradingResult r) {
        StringBuilder b = new StringBuilder("PageLab " + r.exerciseId() + " (" + r.pluginId() + " "
                + r.pluginVersion() + "), seed " + r.report().seed() + ", sources SHA-256 " + r.sourcesSha256());
        if (!r.compile().compiled()) {
            b.append("\nThe sources do not compile:");
            for (CompileDiagnostic d : r.compile().errors()) {
                b.append("\n  ").append(d);
            }
        }
        if (r.compile().rejected()) {
            b.append("\nThe solution uses what a solution may not:");
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

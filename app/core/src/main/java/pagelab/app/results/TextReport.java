package pagelab.app.results;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import pagelab.app.files.SourceText;
import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.PolicyViolation;

/** The terminal form: a score line, one line per check, and the message and hint of each check not passed. */
final class TextReport {
    private static final String NL = System.lineSeparator();

    private TextReport() {
    }

    /** @param encodings each source file's encoding, or null; files not in UTF-8 get a line after the score */
    static void write(GradingResult r, Map<String, String> encodings, Writer out) throws IOException {
        long passed = r.report().results().stream().filter(c -> c.status() == CheckStatus.PASS).count();
        out.write(String.format(Locale.ROOT, "%s: %d/%d points (%d of %d checks passed) in %.1f s%n",
                r.exerciseId(), r.points(), r.maxPoints(), passed, r.report().results().size(), r.millis() / 1000.0));
        out.write("  graded by " + r.pluginId() + " " + r.pluginVersion() + ", seed " + r.report().seed()
                + ", isolation: " + r.isolation() + NL);
        if (encodings != null) {
            for (Map.Entry<String, String> e : encodings.entrySet()) {
                if (!SourceText.UTF_8.equals(e.getValue())) {
                    out.write("Read " + e.getKey() + " as " + e.getValue() + " (it is not UTF-8)" + NL);
                }
            }
        }
        if (!r.compile().compiled()) {
            out.write("The sources do not compile:" + NL);
            for (CompileDiagnostic d : r.compile().errors()) {
                out.write("  " + d + NL);
            }
            // Every check would read "FAIL 0/x" with no reason: say once why none ran.
            out.write("Checks not run: the solution does not compile (" + r.report().results().size()
                    + " checks, " + r.maxPoints() + " points)" + NL);
            return;
        }
        if (r.compile().rejected()) {
            out.write("The solution uses what a solution may not (see the student guide, \"What a solution may "
                    + "use\"):" + NL);
            for (PolicyViolation v : r.compile().violations()) {
                out.write("  " + v + NL);
            }
        }
        for (CheckResult c : r.report().results()) {
            out.write(String.format(Locale.ROOT, "  %-7s %3d/%-3d %s%n", c.status(), c.points(), c.maxPoints(),
                    c.title()));
            if (c.status() != CheckStatus.PASS && r.compile().runnable()) {
                indent(out, c.message());
                if (c.hint() != null) {
                    indent(out, "hint: " + c.hint());
                }
            }
            String printed = r.output().get(c.checkId());
            if (printed != null && c.status() != CheckStatus.PASS) {
                indent(out, "printed: " + printed.lines().limit(5).reduce((a, b) -> a + NL + b).orElse(""));
            }
        }
    }

    private static void indent(Writer out, String text) throws IOException {
        for (String line : text.split("\\R")) {
            out.write("                " + line + NL);
        }
    }
}

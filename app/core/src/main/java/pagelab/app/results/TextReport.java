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
        write(r, encodings, ReportText.ENGLISH, out);
    }

    /**
     * As {@link #write(GradingResult, Map, Writer)}, with the report's own words ({@code PASS}, {@code hint:}, the
     * score line ...) in {@code text}'s language; the check's titles, messages and hints are what {@code r} holds.
     */
    static void write(GradingResult r, Map<String, String> encodings, ReportText text, Writer out)
            throws IOException {
        long passed = r.report().results().stream().filter(c -> c.status() == CheckStatus.PASS).count();
        out.write(text.format("text.score", r.exerciseId(), r.points(), r.maxPoints(), passed,
                r.report().results().size(), String.format(Locale.ROOT, "%.1f", r.millis() / 1000.0)) + NL);
        out.write("  " + text.format("text.gradedBy", r.pluginId(), r.pluginVersion(), r.report().seed(),
                text.isolation(r.isolation())) + NL);
        if (encodings != null) {
            for (Map.Entry<String, String> e : encodings.entrySet()) {
                if (!SourceText.UTF_8.equals(e.getValue())) {
                    out.write(text.format("text.readAs", e.getKey(), e.getValue()) + NL);
                }
            }
        }
        if (!r.compile().compiled()) {
            out.write(text.get("text.doesNotCompile") + NL);
            for (CompileDiagnostic d : r.compile().errors()) {
                out.write("  " + text.diagnostic(d) + NL);
            }
            // Every check would read "FAIL 0/x" with no reason: say once why none ran.
            out.write(text.format("text.notRun", r.report().results().size(), r.maxPoints()) + NL);
            return;
        }
        if (r.compile().rejected()) {
            out.write(text.get("text.rejected") + NL);
            for (PolicyViolation v : r.compile().violations()) {
                out.write("  " + text.violation(v) + NL);
            }
        }
        int width = text.statusWidth();
        for (CheckResult c : r.report().results()) {
            out.write("  " + ReportText.pad(text.status(c.status()), width)
                    + String.format(Locale.ROOT, " %3d/%-3d %s%n", c.points(), c.maxPoints(), c.title()));
            if (c.status() != CheckStatus.PASS && r.compile().runnable()) {
                indent(out, c.message());
                if (c.hint() != null) {
                    indent(out, text.format("text.hint", c.hint()));
                }
            }
            String printed = r.output().get(c.checkId());
            if (printed != null && c.status() != CheckStatus.PASS) {
                indent(out, text.format("text.printed",
                        printed.lines().limit(5).reduce((a, b) -> a + NL + b).orElse("")));
            }
        }
    }

    private static void indent(Writer out, String text) throws IOException {
        for (String line : text.split("\\R")) {
            out.write("                " + line + NL);
        }
    }
}

package pagelab.app.desktop.results;

import pagelab.app.desktop.Messages;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.EvidenceKind;

/** A check's result as HTML 3.2 for the results pane: message, expected vs actual, hint, then the evidence. */
public final class ResultHtml {
    private ResultHtml() {
    }

    public static String of(CheckResult r) {
        return of(r, false);
    }

    /** As {@link #of(CheckResult)}; a check that did not run says so instead of giving points. */
    public static String of(CheckResult r, boolean notRun) {
        StringBuilder sb = new StringBuilder("<html><body>");
        sb.append("<h3>").append(esc(r.title() == null ? r.checkId() : r.title())).append("  (")
                .append(notRun ? esc(Messages.get("results.notRun")) : (r.points() < 0 ? r.maxPoints() : r.points())
                        + "/" + r.maxPoints())
                .append(")</h3>");
        sb.append("<p>").append(esc(r.message())).append("</p>");
        if (r.expected() != null || r.actual() != null) {
            // One row each, full width, wrapped: side by side in <pre> they needed scrolling in a narrow pane.
            sb.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
            row(sb, "results.expected", r.expected());
            row(sb, "results.actual", r.actual());
            sb.append("</table>");
        }
        if (r.hint() != null) {
            sb.append("<p><b>").append(esc(Messages.get("results.hint"))).append("</b> ").append(esc(r.hint()))
                    .append("</p>");
        }
        for (Evidence e : r.evidence()) {
            sb.append("<h4>").append(esc(e.title())).append("</h4>");
            if (e.kind() == EvidenceKind.SNAPSHOT && e.snapshot() != null) {
                sb.append("<p><i>").append(esc(Messages.get("results.snapshotInMap"))).append("</i></p>");
            }
            if (!e.lines().isEmpty()) {
                sb.append("<pre>").append(esc(String.join("\n", e.lines()))).append("</pre>");
            }
        }
        return sb.append("</body></html>").toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        // nowrap: the label must not be squeezed to one character (Chinese labels may break anywhere).
        sb.append("<tr><th nowrap align=\"left\" valign=\"top\">").append(esc(Messages.get(key)))
                .append("</th><td>").append(wrapped(value)).append("</td></tr>");
    }

    /**
     * {@code s} in a monospaced font that keeps its line breaks and indentation but wraps long lines at spaces
     * (Swing's HTML has no {@code white-space: pre-wrap}): leading spaces become non-breaking, newlines
     * {@code <br>}.
     */
    static String wrapped(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<tt>");
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            sb.append("&nbsp;".repeat(indent)).append(esc(line.substring(indent)));
            if (i < lines.length - 1) {
                sb.append("<br>");
            }
        }
        return sb.append("</tt>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

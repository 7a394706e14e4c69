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
        StringBuilder sb = new StringBuilder("<html><body>");
        sb.append("<h3>").append(esc(r.title() == null ? r.checkId() : r.title())).append("  (")
                .append(r.points() < 0 ? r.maxPoints() : r.points()).append('/').append(r.maxPoints())
                .append(")</h3>");
        sb.append("<p>").append(esc(r.message())).append("</p>");
        if (r.expected() != null || r.actual() != null) {
            sb.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>")
                    .append(esc(Messages.get("results.expected"))).append("</th><th>")
                    .append(esc(Messages.get("results.actual"))).append("</th></tr><tr><td><pre>")
                    .append(esc(r.expected())).append("</pre></td><td><pre>").append(esc(r.actual()))
                    .append("</pre></td></tr></table>");
        }
        if (r.hint() != null) {
            sb.append("<p><b>").append(esc(Messages.get("results.hint"))).append("</b> ").append(esc(r.hint()))
                    .append("</p>");
        }
        for (Evidence e : r.evidence()) {
            sb.append("<h4>").append(esc(e.title())).append("</h4>");
            if (e.kind() == EvidenceKind.SNAPSHOT) {
                sb.append("<p><i>").append(esc(Messages.get("results.snapshotInMap"))).append("</i></p>");
            }
            if (!e.lines().isEmpty()) {
                sb.append("<pre>").append(esc(String.join("\n", e.lines()))).append("</pre>");
            }
        }
        return sb.append("</body></html>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

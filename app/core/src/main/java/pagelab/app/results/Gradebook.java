package pagelab.app.results;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;

/**
 * A class's grades as CSV (RFC 4180, UTF-8, CRLF rows) that a spreadsheet or an LMS imports as is: one row per
 * student, one column per check with its points, then the total. A cell that a spreadsheet would take for a
 * formula (starting with {@code = + - @}) is prefixed with an apostrophe.
 */
public final class Gradebook {
    private Gradebook() {
    }

    /**
     * One student's row: a grading result, or the reason there is none (e.g. no sources).
     *
     * @param student the student's name (the submission folder's name)
     * @param result  the result, or null
     * @param problem why there is no result, or null
     */
    public record Row(String student, GradingResult result, String problem) {
    }

    /** Writes the header and the rows, in the order given. */
    public static void write(List<CheckInfo> checks, List<Row> rows, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("student", "points", "max_points", "percent", "status"));
        checks.forEach(c -> header.add(c.id() + " (" + c.points() + ")"));
        header.addAll(List.of("sources_sha256", "note"));
        line(out, header);
        int max = checks.stream().mapToInt(CheckInfo::points).sum();
        for (Row row : rows) {
            line(out, cells(checks, row, max));
        }
        out.flush();
    }

    private static List<String> cells(List<CheckInfo> checks, Row row, int max) {
        List<String> cells = new ArrayList<>();
        cells.add(row.student());
        GradingResult r = row.result();
        if (r == null) {
            cells.addAll(List.of("0", String.valueOf(max), "0.0", "not-graded"));
            checks.forEach(c -> cells.add(""));
            cells.addAll(List.of("", row.problem() == null ? "" : row.problem()));
            return cells;
        }
        cells.add(String.valueOf(r.points()));
        cells.add(String.valueOf(r.maxPoints()));
        cells.add(String.format(Locale.ROOT, "%.1f", r.maxPoints() == 0 ? 0.0 : 100.0 * r.points() / r.maxPoints()));
        cells.add(r.compile().success() ? "graded" : "compile-error");
        for (CheckInfo c : checks) {
            CheckResult cr = r.report().result(c.id());
            cells.add(cr == null ? "" : String.valueOf(cr.points()));
        }
        cells.add(r.sourcesSha256());
        cells.add(r.compile().success() ? "" : r.compile().summary());
        return cells;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        out.write(b.append("\r\n").toString());
    }

    static String quote(String cell) {
        String c = cell == null ? "" : cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
            c = "'" + c;
        }
        if (c.contains(",") || c.contains("\"") || c.startsWith(" ") || c.endsWith(" ")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}

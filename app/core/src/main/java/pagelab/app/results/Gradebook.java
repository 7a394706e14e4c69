package pagelab.app.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import pagelab.app.grading.GradingResult;
import pagelab.app.grading.SubmissionStatus;
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
        /** A row without a result, saying why. */
        public static Row notGraded(String student, String why) {
            return new Row(student, null, why);
        }

        /** The row's status: the result's, or {@code not-graded}. */
        public SubmissionStatus status() {
            return result == null ? SubmissionStatus.NOT_GRADED : result.status();
        }

        /** Why the status is what it is, in one line; empty for a plain "graded". */
        public String reason() {
            return reason(ReportText.ENGLISH);
        }

        /** {@link #reason()} with PageLab's words in {@code text}'s language. */
        public String reason(ReportText text) {
            return result == null ? (problem == null ? "" : text.problem(problem)) : result.reason(text);
        }
    }

    /**
     * The rows as JSON, for scripts: per student the status, points and reason, and per check its status, points
     * and how its run ended.
     */
    public static void writeJson(List<CheckInfo> checks, List<Row> rows, Writer out) throws IOException {
        writeJson(checks, null, rows, ReportText.ENGLISH, out);
    }

    /**
     * As {@link #writeJson(List, List, Writer)}, with the checks' titles as {@code titles} gives them (null, or a
     * null title: the check's own) and the reasons in {@code text}'s language; the messages are the rows' results'.
     */
    public static void writeJson(List<CheckInfo> checks, Function<CheckInfo, String> titles, List<Row> rows,
                                 ReportText text, Writer out) throws IOException {
        ObjectMapper json = Reports.json();
        ObjectNode root = json.createObjectNode();
        ArrayNode columns = root.putArray("checks");
        for (CheckInfo c : checks) {
            String title = titles == null ? null : titles.apply(c);
            columns.addObject().put("id", c.id()).put("title", title == null ? c.title() : title)
                    .put("points", c.points());
        }
        ArrayNode students = root.putArray("students");
        for (Row row : rows) {
            ObjectNode s = students.addObject();
            s.put("student", row.student());
            s.put("status", row.status().label());
            s.put("reason", row.reason(text));
            GradingResult r = row.result();
            if (r != null) {
                s.put("points", r.points()).put("max_points", r.maxPoints()).put("sources_sha256", r.sourcesSha256())
                        .put("plugin", r.pluginId() + " " + r.pluginVersion()).put("isolation", r.isolation());
                ObjectNode perCheck = s.putObject("checks");
                for (CheckResult c : r.report().results()) {
                    perCheck.putObject(c.checkId()).put("status", c.status().name().toLowerCase(Locale.ROOT))
                            .put("points", c.points()).put("run", String.valueOf(r.outcomes().get(c.checkId()))
                                    .toLowerCase(Locale.ROOT).replace('_', '-'))
                            .put("message", c.message());
                }
            }
        }
        json.writeValue(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, root);
    }

    /** The byte-order mark {@link #write} puts first for Excel: without it Excel on Windows reads "ZoÃ«". */
    public static final String EXCEL_BOM = "\uFEFF";

    /**
     * Writes the header and the rows, in the order given. Every row names the exercise and the SHA-256 of the
     * plugin that graded it, so that gradebooks of shards can be merged only when they come from the same grader
     * ({@link GradebookMerge}).
     *
     * @param exercise   the exercise graded
     * @param pluginHash the SHA-256 of the plugin that graded it
     */
    public static void write(List<CheckInfo> checks, List<Row> rows, String exercise, String pluginHash, Writer out)
            throws IOException {
        write(checks, rows, exercise, pluginHash, ReportText.ENGLISH, out);
    }

    /**
     * As {@link #write(List, List, String, String, Writer)}, with each note in {@code text}'s language (the header,
     * statuses and numbers stay as they are: programs read them).
     */
    public static void write(List<CheckInfo> checks, List<Row> rows, String exercise, String pluginHash,
                             ReportText text, Writer out) throws IOException {
        line(out, header(checks));
        int max = checks.stream().mapToInt(CheckInfo::points).sum();
        for (Row row : rows) {
            line(out, cells(checks, row, max, exercise, pluginHash, text));
        }
        out.flush();
    }

    /** The header row for {@code checks}. */
    static List<String> header(List<CheckInfo> checks) {
        List<String> header = new ArrayList<>(List.of("student", "points", "max_points", "percent", "status"));
        checks.forEach(c -> header.add(c.id() + " (" + c.points() + ")"));
        header.addAll(List.of("sources_sha256", GradebookMerge.EXERCISE, GradebookMerge.PLUGIN, "note"));
        return header;
    }

    private static List<String> cells(List<CheckInfo> checks, Row row, int max, String exercise, String plugin,
                                      ReportText text) {
        List<String> cells = new ArrayList<>();
        cells.add(row.student());
        GradingResult r = row.result();
        if (r == null) {
            cells.addAll(List.of("0", String.valueOf(max), "0.0", row.status().label()));
            checks.forEach(c -> cells.add(""));
            cells.addAll(List.of("", exercise, plugin, row.reason(text)));
            return cells;
        }
        cells.add(String.valueOf(r.points()));
        cells.add(String.valueOf(r.maxPoints()));
        cells.add(String.format(Locale.ROOT, "%.1f", r.maxPoints() == 0 ? 0.0 : 100.0 * r.points() / r.maxPoints()));
        cells.add(row.status().label());
        for (CheckInfo c : checks) {
            CheckResult cr = r.report().result(c.id());
            cells.add(cr == null ? "" : String.valueOf(cr.points()));
        }
        cells.add(r.sourcesSha256());
        cells.add(exercise);
        cells.add(plugin);
        cells.add(row.reason(text));
        return cells;
    }

    static void line(Writer out, List<String> cells) throws IOException {
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

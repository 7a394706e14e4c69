package pagelab.app.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the gradebooks of shards ({@code grade --shard i/N}) into the one a single run would have written: the
 * same header, every row, in student order. It refuses what would make that a lie: a student in two shards,
 * shards with other columns (another exercise, other checks), or rows graded for another exercise or by another
 * build of the plugin.
 */
public final class GradebookMerge {
    /** The column naming the exercise graded. */
    public static final String EXERCISE = "exercise";
    /** The column holding the SHA-256 of the plugin that graded the row. */
    public static final String PLUGIN = "plugin_sha256";

    /** A reason the gradebooks cannot be merged, for the user. */
    public static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }
    }

    private GradebookMerge() {
    }

    /**
     * The merged gradebook's text (CRLF rows, no byte-order mark).
     *
     * @throws MergeException if the gradebooks do not belong together
     * @throws IOException    if one cannot be read
     */
    public static String merge(List<Path> gradebooks) throws IOException, MergeException {
        if (gradebooks.isEmpty()) {
            throw new MergeException("no gradebooks to merge");
        }
        String header = null;
        Path headerFrom = null;
        int width = 0;
        int studentCol = 0;
        int exerciseCol = -1;
        int pluginCol = -1;
        String exercise = null;
        String plugin = null;
        Path firstRowFrom = null;
        Map<String, String> rows = new TreeMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path file : gradebooks) {
            List<String> lines = lines(file);
            if (lines.isEmpty()) {
                throw new MergeException(file + " is empty: not a PageLab gradebook");
            }
            if (header == null) {
                header = lines.get(0);
                headerFrom = file;
                List<String> names = cells(header);
                width = names.size();
                studentCol = names.indexOf("student");
                exerciseCol = names.indexOf(EXERCISE);
                pluginCol = names.indexOf(PLUGIN);
                if (studentCol != 0 || exerciseCol < 0 || pluginCol < 0) {
                    throw new MergeException(file + " is not a gradebook of pagelab grade (no " + EXERCISE + " and "
                            + PLUGIN + " columns: made by an older PageLab?)");
                }
            } else if (!header.equals(lines.get(0))) {
                throw new MergeException(file + " has other columns than " + headerFrom
                        + " (another exercise, or other checks)");
            }
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = cells(line);
                if (cells.size() != width) {
                    throw new MergeException(file + " has a row of " + cells.size() + " cells under a header of "
                            + width + ": " + line);
                }
                String student = cells.get(studentCol);
                if (exercise == null) {
                    exercise = cells.get(exerciseCol);
                    plugin = cells.get(pluginCol);
                    firstRowFrom = file;
                } else if (!exercise.equals(cells.get(exerciseCol))) {
                    throw new MergeException(student + " in " + file + " was graded for " + cells.get(exerciseCol)
                            + ", the rows of " + firstRowFrom + " for " + exercise);
                } else if (!plugin.equals(cells.get(pluginCol))) {
                    throw new MergeException(student + " in " + file + " was graded by another build of the plugin "
                            + "than the rows of " + firstRowFrom + " (SHA-256 " + cells.get(pluginCol) + ", not "
                            + plugin + "): grade every shard with the same installation");
                }
                Path earlier = from.putIfAbsent(student, file);
                if (earlier != null) {
                    throw new MergeException(student + " is in " + earlier + " and in " + file + ": were the "
                            + "shards cut differently, or one file given twice?");
                }
                rows.put(student, line);
            }
        }
        StringBuilder out = new StringBuilder(header).append("\r\n");
        rows.values().forEach(r -> out.append(r).append("\r\n"));
        return out.toString();
    }

    private static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith(Gradebook.EXCEL_BOM)) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /** One RFC 4180 line's cells (Gradebook writes no line breaks inside a cell). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

package pagelab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The scores of a JMH run written with {@code -rf csv}, keyed {@code SimpleClassName:param=value,...} with the
 * parameters in name order, e.g. {@code MemoryAccessBench:arch=x64,trace=false} or {@code ByteArrayBaselineBench:}.
 * Scores are in the run's unit (these benchmarks all report ns/op).
 */
public final class JmhCsv {
    private final Map<String, Double> scores;

    private JmhCsv(Map<String, Double> scores) {
        this.scores = scores;
    }

    /**
     * Parses JMH's CSV text. Lines that do not parse are skipped, not fatal: a partial run still gives a table.
     */
    public static JmhCsv parse(String text) {
        Map<String, Double> scores = new TreeMap<>();
        String[] lines = text.split("\\R");
        if (lines.length == 0 || lines[0].isBlank()) {
            return new JmhCsv(scores);
        }
        List<String> header = fields(lines[0]);
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        if (benchmark < 0 || score < 0) {
            return new JmhCsv(scores);
        }
        for (int i = 1; i < lines.length; i++) {
            List<String> row = fields(lines[i]);
            if (row.size() != header.size()) {
                continue;
            }
            try {
                double value = Double.parseDouble(row.get(score).replace(',', '.'));
                if (Double.isFinite(value)) {
                    scores.put(key(header, row, benchmark), value);
                }
            } catch (NumberFormatException e) {
                // a "NaN" or truncated line: that benchmark has no score, and the table says so
            }
        }
        return new JmhCsv(scores);
    }

    private static String key(List<String> header, List<String> row, int benchmark) {
        String name = row.get(benchmark);
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        String simpleName = method > 0 ? name.substring(type + 1, method) : name;
        Map<String, String> params = new TreeMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h.startsWith("Param: ") && !row.get(c).isEmpty()) {
                params.put(h.substring("Param: ".length()), row.get(c));
            }
        }
        StringJoiner joined = new StringJoiner(",", simpleName + ":", "");
        params.forEach((p, v) -> joined.add(p + "=" + v));
        return joined.toString();
    }

    /** Splits one CSV line: comma-separated, fields optionally in double quotes with "" as an escaped quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /**
     * Per benchmark, the median of its scores in several runs (the odd one out when the count is even is the
     * higher): one slow fork out of five moves it no more than a fast one does.
     */
    public static JmhCsv median(List<JmhCsv> runs) {
        Map<String, List<Double>> all = new TreeMap<>();
        for (JmhCsv run : runs) {
            run.scores.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> median = new TreeMap<>();
        all.forEach((k, v) -> {
            Collections.sort(v);
            median.put(k, v.get(v.size() / 2));
        });
        return new JmhCsv(median);
    }

    /** The score under {@code key}, or null when the benchmark did not run or failed. */
    public Double score(String key) {
        return scores.get(key);
    }

    public Map<String, Double> scores() {
        return Map.copyOf(scores);
    }
}

package pagelab.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns one run's raw results into the table bench/run.sh prints: benchmark, simulator figure, baseline figure,
 * ratio, target, PASS/FAIL/SKIP. Inputs are the JMH scores ({@code jmh.csv}; the VirtualQuery benchmarks' from
 * {@code jmh-query-*.csv}, one file per fork, of which each score's median counts), and the {@code key=value} lines of
 * the C baselines, the one-shot measurements and the feature probe ({@code measurements.properties}).
 * A missing figure gives a FAIL that says so, never an exception: a half-finished run still prints its table.
 *
 * <p>A trace-off row is judged against the host (a byte[], mmap, malloc) or, for VirtualQuery, against itself with
 * fewer regions; the trace-on row below it against the trace-off row: a traced call may cost at most three times
 * an untraced one.
 */
public final class ResultTable {
    private static final String[] ARCHES = {"x64", "x86"};
    private static final boolean[] TRACES = {false, true};
    /** A traced row's limit: its time over the untraced row's. */
    private static final double TRACE_LIMIT = 3.0;
    private static final String TRACE_TARGET = "<= 3.00 (its trace-off row)";

    private final JmhCsv jmh;
    private final JmhCsv query;
    private final Properties values;

    public ResultTable(JmhCsv jmh, Properties values) {
        this(jmh, jmh, values);
    }

    /** @param query the VirtualQuery benchmarks' scores (the median of several forks) */
    public ResultTable(JmhCsv jmh, JmhCsv query, Properties values) {
        this.jmh = jmh;
        this.query = query;
        this.values = values;
    }

    /**
     * Reads {@code dir/jmh.csv}, {@code dir/jmh-query-*.csv} and {@code dir/measurements.properties}; any may be
     * missing (without query files, the VirtualQuery scores come from {@code jmh.csv}).
     */
    public static ResultTable load(Path dir) throws IOException {
        JmhCsv jmh = JmhCsv.parse(read(dir.resolve("jmh.csv")));
        List<JmhCsv> forks = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "jmh-query-*.csv")) {
            for (Path f : files) {
                forks.add(JmhCsv.parse(read(f)));
            }
        }
        return new ResultTable(jmh, forks.isEmpty() ? jmh : JmhCsv.median(forks),
                properties(read(dir.resolve("measurements.properties"))));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
        return p;
    }

    /** Every row, in the order of the issues' performance sections. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String arch : ARCHES) {
            for (boolean trace : TRACES) {
                rows.add(memoryRow(arch, trace));
            }
        }
        for (String arch : ARCHES) {
            for (boolean trace : TRACES) {
                rows.add(allocPairRow(arch, trace));
            }
        }
        rows.add(queryRow("VirtualQueryBench", "random"));
        rows.add(tracedQueryRow());
        rows.add(queryRow("VirtualQueryWalkBench", "walk"));
        for (boolean trace : TRACES) {
            rows.addAll(footprintRows(trace));
        }
        for (boolean trace : TRACES) {
            rows.add(heapRow(trace));
        }
        for (boolean trace : TRACES) {
            rows.add(mapViewRow(trace));
        }
        rows.add(keptTraceRow());
        rows.add(bigFileRow());
        rows.add(startupRow());
        return rows;
    }

    private static String config(String arch, boolean trace) {
        return arch + (trace ? ", trace on" : ", trace off");
    }

    private Row memoryRow(String arch, boolean trace) {
        String name = "Memory set+getInt, 4 KiB page (" + config(arch, trace) + ")";
        Double sim = jmh.score("MemoryAccessBench:arch=" + arch + ",trace=" + trace);
        if (trace) {
            return tracedRow(name, sim, jmh.score("MemoryAccessBench:arch=" + arch + ",trace=false"), "ns/page", null);
        }
        return higherIsBetter(name, sim, jmh.score("ByteArrayBaselineBench:"), "ns/page", 1.0 / 3,
                ">= 0.33 (byte[] VarHandle)", null);
    }

    private Row allocPairRow(String arch, boolean trace) {
        String name = "VirtualAlloc+VirtualFree 64 KiB (" + config(arch, trace) + ")";
        Double sim = jmh.score("VirtualAllocPairBench:arch=" + arch + ",trace=" + trace);
        if (trace) {
            return tracedRow(name, sim, jmh.score("VirtualAllocPairBench:arch=" + arch + ",trace=false"), "ns", null);
        }
        return higherIsBetter(name, sim, number("c.mmap.private.65536.nsPerPair"), "ns", 3.0,
                ">= 3.00 (mmap+munmap)", null);
    }

    /** Trace off: 100,000 regions against 100, which must cost at most twice as much (a lookup, not a walk). */
    private Row queryRow(String bench, String pattern) {
        String traceParam = bench.equals("VirtualQueryBench") ? ",trace=false" : "";
        Double many = query.score(bench + ":regions=100000" + traceParam);
        Double few = query.score(bench + ":regions=100" + traceParam);
        String name = "VirtualQuery 100,000 vs 100 regions, " + pattern + " (" + config("x64", false) + ")";
        if (many == null || few == null) {
            return missing(name, "<= 2.00", "no JMH score (see bench-results/jmh*.log)");
        }
        double ratio = many / few;
        String verdict = ratio <= 2.0 ? "PASS" : String.format(Locale.ROOT, "FAIL (%.1fx over)", ratio / 2.0);
        return new Row(name, ns(many), ns(few), fixed(ratio), "<= 2.00", verdict);
    }

    private Row tracedQueryRow() {
        return tracedRow("VirtualQuery 100,000 regions, random (" + config("x64", true) + ")",
                query.score("VirtualQueryBench:regions=100000,trace=true"),
                query.score("VirtualQueryBench:regions=100000,trace=false"), "ns", null);
    }

    private List<Row> footprintRows(boolean trace) {
        String prefix = "footprint." + (trace ? "trace" : "notrace") + ".";
        String suffix = " (x64, " + (trace ? "trace on)" : "trace off)");
        List<Row> rows = new ArrayList<>();
        Double heap = number(prefix + "heapAfterReserveAllMiB");
        boolean oom = "true".equals(values.getProperty(prefix + "oomAt64m"));
        String name = "Reserve all x64 user space in 1 GiB pieces" + suffix;
        if (heap == null) {
            rows.add(missing(name, "< 64 MiB heap", oom ? "OutOfMemoryError under -Xmx64m"
                    : "no result (see bench-results/footprint-*.log)"));
        } else {
            String made = values.getProperty(prefix + "reservations", "?") + " reservations";
            String verdict = heap < 64 && !oom ? "PASS" : String.format(Locale.ROOT, "FAIL (%s%.1f MiB over)",
                    oom ? "OutOfMemoryError under -Xmx64m; " : "", heap - 64);
            rows.add(new Row(name, fixed(heap) + " MiB", made, "-", "< 64 MiB heap", verdict));
        }
        Double commit = number(prefix + "commit1GiBDeltaKiB");
        Double write = number(prefix + "writeOnePageDeltaKiB");
        String commitName = "Commit 1 GiB, heap growth" + suffix;
        if (commit == null || write == null) {
            rows.add(missing(commitName, "< 1024 KiB", "no result (see bench-results/footprint-*.log)"));
        } else {
            rows.add(new Row(commitName, fixed(commit) + " KiB", "-", "-", "< 1024 KiB",
                    commit < 1024 ? "PASS" : "FAIL (commit takes host memory before any write)"));
            rows.add(new Row("  then write 1 page, heap growth" + suffix, fixed(write) + " KiB", "-", "-",
                    "about 4 KiB", "INFO"));
        }
        return rows;
    }

    private Row heapRow(boolean trace) {
        String name = "HeapAlloc+HeapFree 16-256 B (" + config("x64", trace) + ")";
        Double sim = jmh.score("HeapPairBench:trace=" + trace);
        String skip = skipReason("feature.heap", "Heap", "HeapAlloc");
        if (trace) {
            return tracedRow(name, sim, jmh.score("HeapPairBench:trace=false"), "ns", skip);
        }
        return higherIsBetter(name, sim, number("c.malloc.16-256.nsPerPair"), "ns", 1.0 / 8, ">= 0.125 (malloc+free)",
                skip);
    }

    private Row mapViewRow(boolean trace) {
        String name = "MapViewOfFile+Unmap 1 MiB named (" + config("x64", trace) + ")";
        Double sim = jmh.score("MapViewPairBench:trace=" + trace);
        String skip = skipReason("feature.mapping", "File mapping", "CreateFileMapping");
        if (trace) {
            return tracedRow(name, sim, jmh.score("MapViewPairBench:trace=false"), "ns", skip);
        }
        return higherIsBetter(name, sim, number("c.mmap.shared.1048576.nsPerPair"), "ns", 3.0, ">= 3.00 (shared mmap)",
                skip);
    }

    /**
     * What a call costs while the trace still keeps it (its source line sought, its arguments formatted, a snapshot
     * taken): no target, shown because a check's calls are all of that kind. The JMH trace-on rows measure a long
     * run, whose calls after the trace's first events are only counted.
     */
    private Row keptTraceRow() {
        String name = "VirtualAlloc+VirtualFree kept in the trace (x64, one-shot)";
        Double traced = number("keptTrace.tracedNsPerPair");
        Double untraced = number("keptTrace.untracedNsPerPair");
        if (traced == null || untraced == null) {
            return new Row(name, "-", "-", "-", "none", "INFO: no result (see bench-results/kepttrace.log)");
        }
        return new Row(name, fixed(traced) + " ns", fixed(untraced) + " ns (trace off)", fixed(traced / untraced),
                "none", "INFO");
    }

    private Row bigFileRow() {
        String name = "Count zero bytes of a 3 GiB file, 64 KiB views (x64)";
        String skipped = values.getProperty("bigfile.skipped");
        if (skipped != null) {
            return new Row(name, "-", "-", "-", "< 30 s", "SKIP: " + skipped);
        }
        Double seconds = number("bigfile.scanSeconds");
        if (seconds == null) {
            String error = values.getProperty("bigfile.error", "no result (see bigfile log)");
            return missing(name, "< 30 s", error);
        }
        String zeros = values.getProperty("bigfile.zeros", "?");
        if (!zeros.equals(values.getProperty("bigfile.expectedZeros"))) {
            return new Row(name, fixed(seconds) + " s", "-", "-", "< 30 s", "FAIL (counted " + zeros + " zeros, "
                    + "expected " + values.getProperty("bigfile.expectedZeros") + ")");
        }
        String verdict = seconds < 30 ? "PASS" : String.format(Locale.ROOT, "FAIL (%.1fx over)", seconds / 30);
        return new Row(name, fixed(seconds) + " s", "-", "-", "< 30 s", verdict);
    }

    /** No target in the issues: shown because every graded check starts a fresh machine. */
    private Row startupRow() {
        String name = "Machine.create + createProcess + close (x64, median of 3)";
        Double median = number("startup.medianMs");
        if (median == null) {
            return new Row(name, "-", "-", "-", "none", "INFO: no result (see bench-results/startup.log)");
        }
        return new Row(name, fixed(median) + " ms", "-", "-", "none", "INFO (first run "
                + values.getProperty("startup.firstMs", "?") + " ms)");
    }

    /** A trace-on row: its time over the trace-off row's, at most {@link #TRACE_LIMIT}. */
    private static Row tracedRow(String name, Double traced, Double untraced, String unit, String skip) {
        if (traced == null && skip != null) {
            return new Row(name, "-", "-", "-", TRACE_TARGET, "SKIP: " + skip);
        }
        if (traced == null || untraced == null) {
            return missing(name, TRACE_TARGET, "no JMH score (see bench-results/jmh.log)");
        }
        double ratio = traced / untraced;
        String verdict = ratio <= TRACE_LIMIT ? "PASS"
                : String.format(Locale.ROOT, "FAIL (%.1fx over)", ratio / TRACE_LIMIT);
        return new Row(name, fixed(traced) + " " + unit, fixed(untraced) + " " + unit, fixed(ratio), TRACE_TARGET,
                verdict);
    }

    /** A row whose ratio is baseline time over simulator time: 1.0 means as fast as the host. */
    private static Row higherIsBetter(String name, Double sim, Double base, String unit, double target,
                                      String targetText, String skip) {
        if (sim == null && skip != null) {
            return new Row(name, "-", base == null ? "-" : fixed(base) + " " + unit, "-", targetText, "SKIP: " + skip);
        }
        if (sim == null || base == null) {
            String what = sim == null ? "no JMH score (see bench-results/jmh.log)" : "no baseline figure";
            return missing(name, targetText, what);
        }
        double ratio = base / sim;
        String verdict = ratio >= target ? "PASS"
                : String.format(Locale.ROOT, "FAIL (needs %.1fx faster)", target / ratio);
        return new Row(name, fixed(sim) + " " + unit, fixed(base) + " " + unit, fixed(ratio), targetText, verdict);
    }

    /** The skip message when the feature probe found the family unimplemented; null otherwise. */
    private String skipReason(String feature, String family, String call) {
        return "no".equals(values.getProperty(feature)) ? KernelFeatures.notImplemented(family, call) : null;
    }

    private static Row missing(String name, String target, String why) {
        return new Row(name, "-", "-", "-", target, "FAIL: " + why);
    }

    private Double number(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String ns(double v) {
        return fixed(v) + " ns";
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
    }

    /** The rows as an aligned plain-text table, one header line and a rule. */
    public String format() {
        List<Row> rows = rows();
        String[] head = {"benchmark", "simulator", "baseline", "ratio", "target", "result"};
        int[] width = new int[head.length];
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (Row r : rows) {
            cells.add(new String[] {r.benchmark(), r.simulator(), r.baseline(), r.ratio(), r.target(), r.result()});
        }
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            appendLine(out, cells.get(i), width);
            if (i == 0) {
                int ruleWidth = "result".length();
                for (int c = 0; c < width.length - 1; c++) {
                    ruleWidth += width[c] + 2;
                }
                out.append("-".repeat(ruleWidth)).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] width) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            text.append(c == line.length - 1 ? line[c] : String.format("%-" + width[c] + "s  ", line[c]));
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    /** {@code ResultTable DIR}: prints the table of the run whose raw results are in DIR. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-results");
        System.out.print(load(dir).format());
    }
}

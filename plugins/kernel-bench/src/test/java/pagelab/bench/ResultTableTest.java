package pagelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
            + "\"Score Error (99.9%)\",\"Unit\",\"Param: arch\",\"Param: regions\",\"Param: trace\"\n";

    private static String line(String bench, double score, String arch, String regions, String trace) {
        return "\"pagelab.bench." + bench + "\",\"avgt\",1,5," + score + ",1.0,\"ns/op\"," + arch + "," + regions
                + "," + trace + "\n";
    }

    private static Row row(ResultTable table, String prefix) {
        return table.rows().stream().filter(r -> r.benchmark().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void memoryRowPassesAtAThirdOfTheBaselineAndSaysHowFarOffOtherwise() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("ByteArrayBaselineBench.setThenGetPage", 1000, "", "", "")
                + line("MemoryAccessBench.setThenGetPage", 2900, "x64", "", "false")
                + line("MemoryAccessBench.setThenGetPage", 6000, "x86", "", "false"));
        ResultTable table = new ResultTable(csv, new Properties());

        assertThat(row(table, "Memory set+getInt, 4 KiB page (x64, trace off)").result()).isEqualTo("PASS");
        Row slow = row(table, "Memory set+getInt, 4 KiB page (x86, trace off)");
        assertThat(slow.ratio()).isEqualTo("0.17");
        assertThat(slow.result()).isEqualTo("FAIL (needs 2.0x faster)");
    }

    @Test
    void aTracedRowIsJudgedAgainstItsUntracedRow() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("HeapPairBench.allocFreePair", 40, "", "", "false")
                + line("HeapPairBench.allocFreePair", 110, "", "", "true")
                + line("VirtualAllocPairBench.allocFreePair", 200, "x64", "", "false")
                + line("VirtualAllocPairBench.allocFreePair", 900, "x64", "", "true"));
        ResultTable table = new ResultTable(csv, new Properties());

        Row heap = row(table, "HeapAlloc+HeapFree 16-256 B (x64, trace on)");
        assertThat(heap.simulator()).isEqualTo("110 ns");
        assertThat(heap.baseline()).isEqualTo("40.00 ns");
        assertThat(heap.ratio()).isEqualTo("2.75");
        assertThat(heap.target()).isEqualTo("<= 3.00 (its trace-off row)");
        assertThat(heap.result()).isEqualTo("PASS");
        assertThat(row(table, "VirtualAlloc+VirtualFree 64 KiB (x64, trace on)").result()).isEqualTo("FAIL (1.5x over)");
    }

    @Test
    void allocPairRowMustBeThreeTimesTheMmapBaseline() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("VirtualAllocPairBench.allocFreePair", 1500, "x86", "", "false")
                + line("VirtualAllocPairBench.allocFreePair", 3000, "x64", "", "false"));
        Properties values = ResultTable.properties("c.mmap.private.65536.nsPerPair=6000.0\n");
        ResultTable table = new ResultTable(csv, values);

        Row r = row(table, "VirtualAlloc+VirtualFree 64 KiB (x86, trace off)");
        assertThat(r.simulator()).isEqualTo("1500 ns");
        assertThat(r.baseline()).isEqualTo("6000 ns");
        assertThat(r.ratio()).isEqualTo("4.00");
        assertThat(r.result()).isEqualTo("PASS");
        assertThat(row(table, "VirtualAlloc+VirtualFree 64 KiB (x64, trace off)").result())
                .isEqualTo("FAIL (needs 1.5x faster)");
    }

    @Test
    void heapRowMustBeAnEighthOfGlibc() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("HeapPairBench.allocFreePair", 50, "", "", "false"));
        Properties values = ResultTable.properties("c.malloc.16-256.nsPerPair=6.5\n");

        Row r = row(new ResultTable(csv, values), "HeapAlloc+HeapFree 16-256 B (x64, trace off)");

        assertThat(r.ratio()).isEqualTo("0.13");
        assertThat(r.target()).isEqualTo(">= 0.125 (malloc+free)");
        assertThat(r.result()).isEqualTo("PASS");
    }

    @Test
    void queryRowsTakeTheMedianOfTheirForks() {
        JmhCsv fast = JmhCsv.parse(HEADER + line("VirtualQueryBench.query", 20, "", "100", "false")
                + line("VirtualQueryBench.query", 30, "", "100000", "false"));
        JmhCsv slow = JmhCsv.parse(HEADER + line("VirtualQueryBench.query", 21, "", "100", "false")
                + line("VirtualQueryBench.query", 70, "", "100000", "false"));
        JmhCsv middle = JmhCsv.parse(HEADER + line("VirtualQueryBench.query", 19, "", "100", "false")
                + line("VirtualQueryBench.query", 35, "", "100000", "false"));
        JmhCsv median = JmhCsv.median(List.of(fast, slow, middle));

        Row r = row(new ResultTable(JmhCsv.parse(""), median, new Properties()),
                "VirtualQuery 100,000 vs 100 regions, random (x64, trace off)");

        assertThat(r.simulator()).isEqualTo("35.00 ns");
        assertThat(r.baseline()).isEqualTo("20.00 ns");
        assertThat(r.result()).isEqualTo("PASS");
    }

    @Test
    void keptTraceRowIsInformationOnly() {
        Properties values = ResultTable.properties("keptTrace.tracedNsPerPair=2500.0\n"
                + "keptTrace.untracedNsPerPair=250.0\n");

        Row r = row(new ResultTable(JmhCsv.parse(""), values), "VirtualAlloc+VirtualFree kept in the trace");

        assertThat(r.ratio()).isEqualTo("10.00");
        assertThat(r.result()).isEqualTo("INFO");
    }

    @Test
    void queryRowFailsWhenManyRegionsCostMoreThanTwiceAFew() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("VirtualQueryBench.query", 100, "", "100", "false")
                + line("VirtualQueryBench.query", 500, "", "100000", "false"));

        Row r = row(new ResultTable(csv, new Properties()),
                "VirtualQuery 100,000 vs 100 regions, random (x64, trace off)");

        assertThat(r.ratio()).isEqualTo("5.00");
        assertThat(r.result()).isEqualTo("FAIL (2.5x over)");
    }

    @Test
    void walkingQueryRowHasNoTraceParameter() {
        JmhCsv csv = JmhCsv.parse(HEADER + line("VirtualQueryWalkBench.queryNext", 100, "", "100", "")
                + line("VirtualQueryWalkBench.queryNext", 150, "", "100000", ""));

        Row r = row(new ResultTable(csv, new Properties()), "VirtualQuery 100,000 vs 100 regions, walk");

        assertThat(r.ratio()).isEqualTo("1.50");
        assertThat(r.result()).isEqualTo("PASS");
    }

    @Test
    void missingScoresAreFailuresThatSayWhy() {
        Row r = row(new ResultTable(JmhCsv.parse(""), new Properties()), "VirtualQuery");

        assertThat(r.result()).startsWith("FAIL: no JMH score");
    }

    @Test
    void unimplementedKernelFamiliesAreSkippedWithTheReason() {
        Properties values = ResultTable.properties("feature.heap=no\nfeature.mapping=no\n"
                + "bigfile.skipped=Big-file benchmarks skipped: CreateFile answers ERROR_CALL_NOT_IMPLEMENTED (120)\n");
        ResultTable table = new ResultTable(JmhCsv.parse(""), values);

        assertThat(row(table, "HeapAlloc+HeapFree").result()).startsWith("SKIP: Heap benchmarks skipped")
                .contains("(120)");
        assertThat(row(table, "MapViewOfFile").result()).startsWith("SKIP: File mapping benchmarks skipped");
        assertThat(row(table, "Count zero bytes").result()).startsWith("SKIP: Big-file");
    }

    @Test
    void footprintRowsJudgeHeapAfterReservingAllAndAfterCommitting() {
        Properties values = ResultTable.properties("footprint.notrace.heapAfterReserveAllMiB=26.1\n"
                + "footprint.notrace.reservations=131067\nfootprint.notrace.commit1GiBDeltaKiB=256.2\n"
                + "footprint.notrace.writeOnePageDeltaKiB=21.5\nfootprint.trace.heapAfterReserveAllMiB=67.4\n"
                + "footprint.trace.oomAt64m=true\n");
        ResultTable table = new ResultTable(JmhCsv.parse(""), values);

        Row reserve = row(table, "Reserve all x64 user space in 1 GiB pieces (x64, trace off)");
        assertThat(reserve.simulator()).isEqualTo("26.10 MiB");
        assertThat(reserve.baseline()).isEqualTo("131067 reservations");
        assertThat(reserve.result()).isEqualTo("PASS");
        assertThat(row(table, "Commit 1 GiB, heap growth (x64, trace off)").result()).isEqualTo("PASS");
        assertThat(row(table, "Reserve all x64 user space in 1 GiB pieces (x64, trace on)").result())
                .isEqualTo("FAIL (OutOfMemoryError under -Xmx64m; 3.4 MiB over)");
    }

    @Test
    void bigFileRowChecksTheCountAndTheTime() {
        String expected = "bigfile.expectedZeros=3221225460\n";
        Properties ok = ResultTable.properties(expected + "bigfile.scanSeconds=12.5\nbigfile.zeros=3221225460\n");
        Properties wrong = ResultTable.properties(expected + "bigfile.scanSeconds=12.5\nbigfile.zeros=7\n");
        Properties slow = ResultTable.properties(expected + "bigfile.scanSeconds=45\nbigfile.zeros=3221225460\n");

        assertThat(row(new ResultTable(JmhCsv.parse(""), ok), "Count zero").result()).isEqualTo("PASS");
        assertThat(row(new ResultTable(JmhCsv.parse(""), wrong), "Count zero").result()).startsWith("FAIL (counted 7");
        assertThat(row(new ResultTable(JmhCsv.parse(""), slow), "Count zero").result()).isEqualTo("FAIL (1.5x over)");
    }

    @Test
    void startupRowIsInformationOnly() {
        Properties values = ResultTable.properties("startup.firstMs=20100.5\nstartup.medianMs=17500.0\n");

        Row r = row(new ResultTable(JmhCsv.parse(""), values), "Machine.create");

        assertThat(r.simulator()).isEqualTo("17500 ms");
        assertThat(r.result()).isEqualTo("INFO (first run 20100.5 ms)");
    }

    @Test
    void formatAlignsColumnsUnderAHeaderAndARule() {
        List<String> lines = new ResultTable(JmhCsv.parse(""), new Properties()).format().lines().toList();

        assertThat(lines.get(0)).startsWith("benchmark").contains("simulator", "baseline", "ratio", "target", "result");
        assertThat(lines.get(1)).matches("-+");
        int resultColumn = lines.get(0).indexOf("result");
        assertThat(lines.subList(2, lines.size())).allSatisfy(l -> assertThat(l.substring(resultColumn))
                .matches("(PASS|FAIL|SKIP|INFO).*"));
    }
}

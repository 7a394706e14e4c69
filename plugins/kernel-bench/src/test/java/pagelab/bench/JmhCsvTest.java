package pagelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JmhCsvTest {
    /** Copied from a real `-rf csv` run of these benchmarks. */
    private static final String CSV = String.join("\n",
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
                    + "\"Param: arch\",\"Param: trace\"",
            "\"pagelab.bench.ByteArrayBaselineBench.setThenGetPage\",\"avgt\",1,2,1282.816504,NaN,\"ns/op\",,",
            "\"pagelab.bench.MemoryAccessBench.setThenGetPage\",\"avgt\",1,2,5932.309568,NaN,\"ns/op\",x64,false",
            "\"pagelab.bench.VirtualAllocPairBench.allocFreePair\",\"avgt\",1,2,23730.270243,NaN,\"ns/op\",x64,false");

    @Test
    void keysScoresBySimpleClassNameAndSortedParams() {
        JmhCsv csv = JmhCsv.parse(CSV);

        assertThat(csv.score("MemoryAccessBench:arch=x64,trace=false")).isEqualTo(5932.309568);
        assertThat(csv.score("VirtualAllocPairBench:arch=x64,trace=false")).isEqualTo(23730.270243);
    }

    @Test
    void benchmarkWithoutParamsHasAnEmptyParamList() {
        assertThat(JmhCsv.parse(CSV).score("ByteArrayBaselineBench:")).isEqualTo(1282.816504);
    }

    @Test
    void sortsParamsByNameWhateverTheColumnOrder() {
        String csv = "\"Benchmark\",\"Score\",\"Param: trace\",\"Param: regions\"\n"
                + "\"pagelab.bench.VirtualQueryBench.query\",42.5,true,100";

        assertThat(JmhCsv.parse(csv).score("VirtualQueryBench:regions=100,trace=true")).isEqualTo(42.5);
    }

    @Test
    void skipsRowsWithoutAScoreAndTruncatedRows() {
        String csv = CSV + "\n\"pagelab.bench.HeapPairBench.allocFreePair\",\"avgt\",1,0,NaN,NaN,\"ns/op\",,false"
                + "\n\"pagelab.bench.Broken.x\",\"avgt\",1";

        JmhCsv parsed = JmhCsv.parse(csv);

        assertThat(parsed.scores()).hasSize(3);
        assertThat(parsed.score("HeapPairBench:trace=false")).isNull();
    }

    @Test
    void emptyOrForeignTextGivesNoScoresRatherThanAnError() {
        assertThat(JmhCsv.parse("").scores()).isEmpty();
        assertThat(JmhCsv.parse("not,a,jmh,file\n1,2,3,4").scores()).isEmpty();
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertThat(JmhCsv.fields("\"a,b\",\"say \"\"hi\"\"\",3")).containsExactly("a,b", "say \"hi\"", "3");
    }
}

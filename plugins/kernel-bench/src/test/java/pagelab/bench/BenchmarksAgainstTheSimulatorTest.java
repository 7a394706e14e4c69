package pagelab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each benchmark's setup and one invocation, run once against the reference simulator: the benchmarks measure
 * what they claim (right answers, no failing calls), whatever their speed. No timing is asserted here.
 */
class BenchmarksAgainstTheSimulatorTest {

    @Test
    void memoryLoopReadsBackWhatItWroteOnBothArchitectures() {
        for (String arch : new String[] {"x86", "x64"}) {
            MemoryAccessBench bench = new MemoryAccessBench();
            bench.arch = arch;
            bench.setup();
            try {
                int expected = MemoryAccessBench.INTS * (MemoryAccessBench.INTS - 1) / 2;
                assertThat(bench.setThenGetPage()).as(arch).isEqualTo(expected);
                assertThat(new ByteArrayBaselineBench().setThenGetPage()).isEqualTo(expected);
            } finally {
                bench.tearDown();
            }
        }
    }

    @Test
    void keptTraceMeasureRunsItsPairsBothWays() {
        assertThat(KeptTraceMeasure.run(true)).isPositive();
        assertThat(KeptTraceMeasure.run(false)).isPositive();
    }

    @Test
    void allocPairReturnsTheSameFreedAddressEachTime() {
        VirtualAllocPairBench bench = new VirtualAllocPairBench();
        bench.arch = "x86";
        bench.trace = true;
        bench.setup();
        try {
            long first = bench.allocFreePair();
            assertThat(first).isNotZero();
            assertThat(first % VirtualAllocPairBench.SIZE).isZero();
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void queryFindsOneSeparate64KiBReservationPerRegion() {
        VirtualQueryBench bench = new VirtualQueryBench();
        bench.regions = 100;
        bench.setup();
        try {
            for (int i = 0; i < 10; i++) {
                long end = bench.query();
                assertThat(end % VirtualQueryBench.GRANULE).as("region end %#x", end).isZero();
                assertThat(end).isBetween(VirtualQueryBench.FIRST + VirtualQueryBench.GRANULE,
                        VirtualQueryBench.FIRST + 100 * VirtualQueryBench.GRANULE);
            }
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void queryWalkVisitsEveryReservationInTurnAndWrapsAround() {
        VirtualQueryWalkBench bench = new VirtualQueryWalkBench();
        bench.regions = 100;
        bench.setup();
        try {
            for (int i = 1; i <= 100; i++) {
                assertThat(bench.queryNext()).isEqualTo(VirtualQueryBench.FIRST + i * VirtualQueryBench.GRANULE);
            }
            assertThat(bench.queryNext()).isEqualTo(VirtualQueryBench.FIRST + VirtualQueryBench.GRANULE);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void heapSizesSpanSixteenToTwoHundredFiftySixBytes() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int n = 0; n < 1000; n++) {
            min = Math.min(min, HeapPairBench.size(n));
            max = Math.max(max, HeapPairBench.size(n));
        }
        assertThat(min).isEqualTo(16);
        assertThat(max).isEqualTo(256);
    }

    @Test
    void heapAndMappingBenchmarksRunOrSayWhyNot() {
        HeapPairBench heap = new HeapPairBench();
        MapViewPairBench map = new MapViewPairBench();
        try (BenchMachine probe = BenchMachine.of("x64", false)) {
            if (KernelFeatures.heaps(probe.kernel32())) {
                heap.setup();
                assertThat(heap.allocFreePair()).isNotZero();
                heap.tearDown();
            } else {
                assertThatThrownBy(heap::setup).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("HeapAlloc answers ERROR_CALL_NOT_IMPLEMENTED (120)");
            }
            if (KernelFeatures.mappings(probe.kernel32())) {
                map.setup();
                assertThat(map.mapUnmapPair()).isNotZero();
                map.tearDown();
            } else {
                assertThatThrownBy(map::setup).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("CreateFileMapping answers ERROR_CALL_NOT_IMPLEMENTED (120)");
            }
        }
    }

    @Test
    void unknownArchitectureIsRefusedWithTheAllowedNames() {
        assertThatThrownBy(() -> BenchMachine.config("arm64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arch must be x86 or x64, got 'arm64'");
    }
}

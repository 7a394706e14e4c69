package pagelab.exercises.heapwalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HeapInfo;

/**
 * The prepared heaps are what the checks say they are, on x86 and x64, and the checker's own walk agrees with the
 * kernel's inspection of each heap: the ground truth does not rest on HeapWalk alone.
 */
class PreparedHeapTest {
    private Machine machine;
    private WinProcess process;
    private Kernel32 k;

    private void start(boolean x64) {
        machine = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).seed(15));
        process = machine.createProcess();
        k = process.kernel32();
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private GroundTruth truth(Function<Kernel32, PreparedHeap> make) {
        GroundTruth truth = GroundTruth.walk(k, make.apply(k));
        HeapInfo info = process.inspector().heaps().stream().filter(h -> h.handle() == truth.heap().handle())
                .findFirst().orElseThrow();
        HeapStats s = truth.stats();
        assertThat(s.regions).as("segments of %s", truth.heap().name().english()).isEqualTo(info.segments());
        assertThat(s.busyBlocks).isEqualTo(info.busyBlocks());
        assertThat(s.busyBytes).isEqualTo(info.busyBytes());
        assertThat(s.freeBlocks).isEqualTo(info.freeBlocks());
        assertThat(s.freeBytes).isEqualTo(info.freeBytes());
        assertThat(s.largeBlocks).isEqualTo(info.largeBlocks());
        return truth;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachHeapHasWhatItsCheckTests(boolean x64) {
        start(x64);
        HeapStats fresh = truth(PreparedHeap::fresh).stats();
        assertThat(fresh.regions).isEqualTo(1);
        assertThat(fresh.freeBlocks).isEqualTo(1);
        assertThat(fresh.busyBlocks).isZero();
        assertThat(fresh.uncommittedBytes).isPositive();

        HeapStats mixed = truth(PreparedHeap::mixed).stats();
        assertThat(mixed.busyBlocks).isEqualTo(26);
        assertThat(mixed.freeBlocks).as("freed blocks stay apart").isGreaterThan(10);

        HeapStats fixed = truth(PreparedHeap::fixedSize).stats();
        assertThat(fixed.regions).isEqualTo(1);
        assertThat(fixed.uncommittedBytes).as("a fixed-size heap reserves more than it commits").isPositive();

        HeapStats big = truth(PreparedHeap::bigBlocks).stats();
        assertThat(big.largeBlocks).isEqualTo(2);
        assertThat(big.regions).as("big blocks are no segments").isEqualTo(1);
        assertThat(big.freeBlocks).isPositive();

        HeapStats grown = truth(PreparedHeap::segments).stats();
        assertThat(grown.regions).isGreaterThanOrEqualTo(3);
        assertThat(grown.uncommittedBytes).isPositive();

        assertThat(truth(PreparedHeap::unserialised).stats().busyBlocks).isEqualTo(22);
        assertThat(truth(PreparedHeap::processHeap).stats().regions).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theLowFragmentationHeapsAreOnAndTheOthersOff(boolean x64) {
        start(x64);
        assertThat(GroundTruth.compatibility(k, PreparedHeap.fresh(k).handle())).isZero();
        assertThat(GroundTruth.compatibility(k, PreparedHeap.lowFragmentationAskedFor(k).handle())).isEqualTo(2);
        assertThat(GroundTruth.compatibility(k, PreparedHeap.lowFragmentationByItself(k).handle())).isEqualTo(2);
        assertThat(GroundTruth.compatibility(k, PreparedHeap.unserialisedSameSize(k).handle())).isZero();
        assertThat(GroundTruth.compatibility(k, PreparedHeap.processHeap(k).handle()))
                .as("the process heap differs from the LFH heaps, or asking it instead goes unnoticed").isZero();
    }
}

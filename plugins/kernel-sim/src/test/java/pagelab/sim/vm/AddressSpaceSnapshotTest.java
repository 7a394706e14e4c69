package pagelab.sim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.sim.phys.PhysicalMemory;

/** Snapshots share what did not change, and never miss what did. */
class AddressSpaceSnapshotTest {
    private final PhysicalMemory phys = new PhysicalMemory(1L << 30, 1L << 30);
    private final AddressSpace space = new AddressSpace(0x10000, 0x7FFE_FFFFL);

    private View view(long base) {
        return new View(base, 0x10000, WinNT.MEM_PRIVATE, WinNT.PAGE_READWRITE, new PrivateBacking(phys, 16), "");
    }

    @Test
    void anUnchangedSpaceSharesItsListAndEveryChangeMakesANewOne() {
        View a = view(0x100000);
        space.insert(a);
        space.insert(view(0x200000));
        AddressSpaceSnapshot first = space.snapshot(1);
        AddressSpaceSnapshot same = space.snapshot(2);
        assertThat(same.allocations()).isSameAs(first.allocations());
        assertThat(same.sequence()).isEqualTo(2);

        a.fillVprot(0, 2, Protection.COMMITTED | Protection.fromWin32(WinNT.PAGE_READWRITE));
        AddressSpaceSnapshot committed = space.snapshot(3);
        assertThat(committed.allocations()).isNotSameAs(first.allocations());
        assertThat(committed.allocations().get(0).blocks()).hasSize(2);
        assertThat(first.allocations().get(0).blocks()).as("an old snapshot never changes").hasSize(1);

        View c = view(0x300000);
        space.insert(c);
        assertThat(space.snapshot(4).allocations()).hasSize(3);
        space.remove(c);
        space.insert(view(0x400000));
        AddressSpaceSnapshot swapped = space.snapshot(5);
        assertThat(swapped.allocations()).hasSize(3);
        assertThat(swapped.allocations().get(2).base()).isEqualTo(0x400000);
    }
}

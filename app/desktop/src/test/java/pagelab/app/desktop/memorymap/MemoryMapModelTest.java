package pagelab.app.desktop.memorymap;

import org.junit.jupiter.api.Test;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Region;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

class MemoryMapModelTest {
    @Test
    void blocksAreClassifiedWithGuardBeforeCopyOnWriteBeforeShared() {
        assertThat(PageKind.of(Snapshots.block(0, 4096, 0, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD, MEM_PRIVATE)))
                .isEqualTo(PageKind.GUARD);
        assertThat(PageKind.of(Snapshots.block(0, 4096, 0, MEM_COMMIT, PAGE_WRITECOPY, MEM_IMAGE)))
                .isEqualTo(PageKind.COPY_ON_WRITE);
        assertThat(PageKind.of(Snapshots.block(0, 4096, 0, MEM_COMMIT, PAGE_READWRITE, MEM_MAPPED)))
                .isEqualTo(PageKind.SHARED);
        assertThat(PageKind.of(Snapshots.block(0, 4096, 0, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE)))
                .isEqualTo(PageKind.COMMITTED);
        assertThat(PageKind.of(Snapshots.block(0, 4096, 0, MEM_RESERVE, 0, MEM_PRIVATE)))
                .isEqualTo(PageKind.RESERVED);
        assertThat(PageKind.of(new Region(0, 4096, 0, 0, MEM_FREE, PAGE_NOACCESS, 0))).isEqualTo(PageKind.FREE);
    }

    @Test
    void proportionalLayoutPlacesRegionsAtTheirAddresses() {
        AddressSpaceSnapshot s = Snapshots.smallX86(1);
        List<Region> regions = s.regions();
        StripLayout layout = StripLayout.of(regions, StripLayout.Scale.PROPORTIONAL);
        double space = s.maxAddress() + 1.0;
        int exe = layout.indexOfBase(0x00400000L);
        assertThat(layout.start(exe)).isCloseTo(0x00400000L / space, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(layout.end(regions.size() - 1)).isEqualTo(1.0);
        assertThat(layout.regionAt((layout.start(exe) + layout.end(exe)) / 2)).isEqualTo(exe);
    }

    @Test
    void compactLayoutGivesEveryAllocationOfA128TiBSpaceAVisibleWidth() {
        AddressSpaceSnapshot s = Snapshots.bigX64(2000);
        List<Region> regions = s.regions();
        StripLayout layout = StripLayout.of(regions, StripLayout.Scale.COMPACT);
        double narrowest = 1;
        for (var a : s.allocations()) {
            int first = layout.indexOfBase(a.base());
            int last = first + a.blocks().size() - 1;
            narrowest = Math.min(narrowest, layout.end(last) - layout.start(first));
        }
        // 6 rows of 1000 px: each allocation gets at least one pixel of the unrolled strip.
        assertThat(narrowest * 6000).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void rowsListEachAllocationThenItsBlocksAndFreeGapsBetween() {
        AddressSpaceSnapshot s = Snapshots.smallX86(1);
        List<MapRow> rows = MapRows.of(s, s.regions(), new BitSet(), false);
        assertThat(rows).extracting(MapRow::kind).containsExactly(
                MapRow.Kind.FREE,
                MapRow.Kind.ALLOCATION, MapRow.Kind.BLOCK, MapRow.Kind.BLOCK, MapRow.Kind.BLOCK, // stack
                MapRow.Kind.FREE,
                MapRow.Kind.ALLOCATION, // heap: one block, one row
                MapRow.Kind.FREE,
                MapRow.Kind.ALLOCATION, MapRow.Kind.BLOCK, MapRow.Kind.BLOCK, MapRow.Kind.BLOCK,
                MapRow.Kind.BLOCK, // exe
                MapRow.Kind.FREE);
        MapRow stack = rows.get(1);
        assertThat(stack.detail()).isEqualTo("Thread stack (TID 1)");
        assertThat(stack.committed()).isEqualTo(0x2000);
        assertThat(MapRows.of(s, s.regions(), new BitSet(), true)).noneMatch(r -> r.kind() == MapRow.Kind.FREE);
    }

    @Test
    void aNewReservationIsTheOnlyChangedRegion() {
        AddressSpaceSnapshot before = Snapshots.smallX86(1);
        AddressSpaceSnapshot after = Snapshots.withReservation(before, 0x00500000L, 2);
        List<Region> regions = after.regions();
        BitSet changed = MapRows.changed(regions, before);
        assertThat(changed.cardinality()).isEqualTo(1);
        assertThat(regions.get(changed.nextSetBit(0)).base()).isEqualTo(0x00500000L);
        List<MapRow> rows = MapRows.of(after, regions, changed, true);
        assertThat(rows).filteredOn(MapRow::changed).extracting(MapRow::base).containsExactly(0x00500000L);
    }
}

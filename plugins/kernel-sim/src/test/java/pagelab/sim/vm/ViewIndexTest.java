package pagelab.sim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.WinNT;
import pagelab.sim.phys.PhysicalMemory;

/**
 * The read-optimised index answers exactly what the tree answers: for random layouts (dense runs of 64 KiB views,
 * page-sized views sharing one granule, views far apart, the top of user mode) every probe's floor is the tree's,
 * and a space described through the index agrees with one described through the tree after every change.
 */
class ViewIndexTest {
    private static final long X64_MAX = 0x7FFF_FFFE_FFFFL;
    private static final long X86_MAX = 0x7FFE_FFFFL;
    private final PhysicalMemory phys = new PhysicalMemory(1L << 30, 1L << 30);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void floorAgreesWithTheTreeForRandomLayouts(long seed) {
        Random random = new Random(seed);
        long max = seed % 2 == 0 ? X64_MAX : X86_MAX;
        TreeMap<Long, View> tree = randomLayout(random, max, 1 + random.nextInt(3000));
        ViewIndex index = new ViewIndex(tree.values(), max);
        List<Long> probes = new ArrayList<>();
        for (View v : tree.values()) { // every edge: a view's first and last byte, the byte before and after
            probes.add(v.base());
            probes.add(v.base() - 1);
            probes.add(v.end() - 1);
            probes.add(v.end());
        }
        for (int i = 0; i < 20_000; i++) {
            probes.add(random.nextLong() & max);
        }
        probes.add(0L);
        probes.add(max);
        probes.add(max + 1);
        probes.add(-1L);
        for (long p : probes) {
            Map.Entry<Long, View> e = tree.floorEntry(p);
            View expected = Long.compareUnsigned(p, max) > 0 ? tree.lastEntry().getValue() : e == null ? null : e.getValue();
            int i = index.floor(p);
            assertThat(i < 0 ? null : index.view(i)).as("floor(%#x)", p).isSameAs(expected);
        }
    }

    @Test
    void anEmptySpaceHasNoFloor() {
        ViewIndex index = new ViewIndex(List.of(), X64_MAX);
        assertThat(index.floor(0x10000)).isEqualTo(-1);
        assertThat(index.floor(X64_MAX)).isEqualTo(-1);
    }

    @Test
    void sixteenPageViewsInOneGranuleAndOneMore() {
        TreeMap<Long, View> tree = new TreeMap<>();
        long granule = 0x5_0000;
        for (int p = 0; p < 16; p++) {
            add(tree, granule + p * 0x1000L, 0x1000);
        }
        add(tree, granule + 0x10000, 0x1000);
        ViewIndex index = new ViewIndex(tree.values(), X86_MAX);
        for (long a = granule - 0x1000; a < granule + 0x12000; a += 0x800) {
            Map.Entry<Long, View> e = tree.floorEntry(a);
            int i = index.floor(a);
            assertThat(i < 0 ? null : index.view(i)).as("floor(%#x)", a).isSameAs(e == null ? null : e.getValue());
        }
    }

    /** Reads enough to switch to the index, then changes a view's pages: queries must see the change at once. */
    @Test
    void describeThroughTheIndexSeesEveryChange() {
        AddressSpace space = new AddressSpace(0x10000, X64_MAX);
        List<View> views = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            View v = new View(0x1_0000_0000L + i * 0x20000L, 0x10000, WinNT.MEM_PRIVATE, WinNT.PAGE_READWRITE,
                    new PrivateBacking(phys, 16), "");
            space.insert(v);
            views.add(v);
        }
        MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
        for (int round = 0; round < 3; round++) {
            for (View v : views) {
                space.describe(v.base() + 0x3000, info);
                assertThat(info.State).isEqualTo(WinNT.MEM_RESERVE);
                assertThat(info.BaseAddress).isEqualTo(v.base() + 0x3000);
                assertThat(info.RegionSize).isEqualTo(0xD000);
                assertThat(info.AllocationBase).isEqualTo(v.base());
                assertThat(info.AllocationProtect).isEqualTo(WinNT.PAGE_READWRITE);
                assertThat(info.Type).isEqualTo(WinNT.MEM_PRIVATE);
                space.describe(v.end(), info); // the free gap after it
                assertThat(info.State).isEqualTo(WinNT.MEM_FREE);
                assertThat(info.RegionSize).isEqualTo(v == views.get(views.size() - 1) ? X64_MAX + 1 - v.end() : 0x10000);
                assertThat(info.Protect).isEqualTo(WinNT.PAGE_NOACCESS);
            }
        }
        View changed = views.get(250);
        changed.fillVprot(2, 4, Protection.COMMITTED | Protection.fromWin32(WinNT.PAGE_READONLY));
        space.describe(changed.base() + 0x3000, info);
        assertThat(info.State).isEqualTo(WinNT.MEM_COMMIT);
        assertThat(info.Protect).isEqualTo(WinNT.PAGE_READONLY);
        assertThat(info.RegionSize).isEqualTo(0x3000);
        for (int round = 0; round < 3; round++) { // past the rebuild: the touched view is read from the view
            for (View v : views) {
                space.describe(v.base() + 0x3000, info);
                assertThat(info.State).isEqualTo(v == changed ? WinNT.MEM_COMMIT : WinNT.MEM_RESERVE);
            }
        }
        space.remove(changed);
        space.describe(changed.base(), info);
        assertThat(info.State).isEqualTo(WinNT.MEM_FREE);
        assertThat(info.RegionSize).isEqualTo(0x20000); // up to the next view; BaseAddress is the page asked about
        assertThat(space.find(changed.base())).isNull();
    }

    private TreeMap<Long, View> randomLayout(Random random, long max, int count) {
        TreeMap<Long, View> tree = new TreeMap<>();
        long cursor = 0x10000;
        for (int i = 0; i < count && cursor < max - 0x1000_0000L; i++) {
            switch (random.nextInt(4)) {
                case 0 -> cursor += 0x1000; // page views packed into one granule
                case 1 -> cursor = (cursor + 0xFFFF) & ~0xFFFFL; // the next granule
                case 2 -> cursor += (long) random.nextInt(1 << 20) << 12; // up to 4 GiB away
                default -> cursor += (random.nextLong() & (max >>> 6)) & ~0xFFFL; // far away
            }
            if (cursor >= max - 0x1000_0000L) {
                break;
            }
            long size = random.nextBoolean() ? 0x1000 : (1 + random.nextInt(64)) * 0x1000L;
            add(tree, cursor, size);
            cursor += size;
        }
        if (random.nextBoolean()) {
            add(tree, (max + 1) - 0x10000, 0x10000); // the last granule of user mode
        }
        if (tree.isEmpty()) {
            add(tree, 0x10000, 0x1000);
        }
        return tree;
    }

    private void add(TreeMap<Long, View> tree, long base, long size) {
        tree.put(base, new View(base, size, WinNT.MEM_PRIVATE, WinNT.PAGE_READWRITE, new PrivateBacking(phys, size >>> 12), ""));
    }
}

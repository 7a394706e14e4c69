package pagelab.exercises.addressspacewalk;

import static pagelab.exercises.addressspacewalk.GroundTruth.at;
import static pagelab.exercises.addressspacewalk.GroundTruth.bytes;
import static pagelab.exercises.addressspacewalk.GroundTruth.describe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinNT;

/**
 * The checks of {@code address-space-walk}. Each prepares the check's process (a private heap, a partly committed
 * reservation, a mapped view), takes the kernel's ground truth, runs the student's walk and compares.
 */
public class AddressSpaceWalkChecks {

    @Check(points = 15, title = "The regions tile the whole address space", order = 1)
    public CheckResult tilesAddressSpace(AddressSpaceWalker walker, CheckContext ctx) {
        GroundTruth truth = GroundTruth.prepare(ctx.process());
        List<VmRegion> got = truth.walk(walker);
        if (got.isEmpty()) {
            return CheckResult.fail(Msg.of("tiles.expected", "regions from 0x00000000 to {0}",
                    Win32Names.hex(truth.end())), Msg.of("tiles.none", "walk returned none"))
                    .hint("no-walk", "Call VirtualQuery from address 0 until it returns 0.");
        }
        // A walk that starts above 0 (say at 0x00010000, where the first allocation may lie) still tiles the rest:
        // it loses these points, and the later checks, which need the regions, still judge the walk (fair points).
        long start = got.get(0) == null ? 0 : got.get(0).base();
        boolean startsAbove = start > 0 && start < truth.end();
        long cursor = startsAbove ? start : 0;
        for (VmRegion r : got) {
            if (r == null || r.base() != cursor || r.size() <= 0) {
                return CheckResult.fail(Msg.of("tiles.next-expected", "the next region at {0}",
                        Win32Names.hex(cursor)), r == null ? Msg.of("tiles.null-region", "a null region")
                        : Msg.of("tiles.next-is", "the next one is {0}", describe(r)))
                        .hint("gap-between-regions", "Each region starts where the previous one ends: BaseAddress + "
                                + "RegionSize.");
            }
            cursor = r.base() + r.size();
        }
        if (cursor != truth.end()) {
            return CheckResult.fail(Msg.of("tiles.stopped", "The walk stopped at {0} after {1} regions; VirtualQuery "
                            + "answers up to {2}.", Win32Names.hex(cursor), got.size(), Win32Names.hex(truth.end())),
                            Msg.text(Win32Names.hex(truth.end())), Msg.text(Win32Names.hex(cursor)))
                    .hint("stops-at-free", "A MEM_FREE block is not the end: keep querying until VirtualQuery "
                            + "returns 0.")
                    .evidence(ctx.snapshotEvidence("The address space walked"));
        }
        if (startsAbove) {
            return CheckResult.partial(10, Msg.of("tiles.starts-above", "The walk starts at {0}, not at 0x00000000: "
                            + "the free region below it is missing. From there the regions tile the address space.",
                            Win32Names.hex(start)))
                    .expectedActual(Msg.of("tiles.first-at-zero", "the first region at 0x00000000"),
                            Msg.of("tiles.first-at", "the first region at {0}", Win32Names.hex(start)))
                    .hint("starts-above-zero", "Start the walk at address 0: the lowest 64 KiB are a MEM_FREE region "
                            + "like any other, and VirtualQuery describes it.");
        }
        return CheckResult.pass(Msg.of("tiles.pass", "{0} regions tile 0x00000000 to {1}.", got.size(),
                Win32Names.hex(truth.end())));
    }

    @Check(points = 20, title = "Each region is one allocation (or free gap) with the right size and type",
            after = "tilesAddressSpace", order = 2)
    public CheckResult matchesRegions(AddressSpaceWalker walker, CheckContext ctx) {
        GroundTruth truth = GroundTruth.prepare(ctx.process());
        List<VmRegion> got = truth.walk(walker);
        Tally t = new Tally();
        for (VmRegion want : truth.regions) {
            VmRegion r = at(got, want.base());
            t.expect(r != null && r.size() == want.size() && r.type() == want.type(), Msg.of("regions.wrong",
                    "the region at {0} should be {1} of {2}, but {3}", Win32Names.hex(want.base()),
                    bytes(want.size()), Win32Names.mem(want.type()), r == null
                    ? Msg.of("regions.none-there", "no region starts there")
                    : Msg.of("regions.is", "is {0} of {1}", bytes(r.size()), Win32Names.mem(r.type()))));
        }
        t.expect(got.size() == truth.regions.size(), Msg.of("regions.count", "the walk found {0} regions; there "
                + "are {1}", got.size(), truth.regions.size()));
        return hintIfFailed(t.result(20, Msg.of("regions.pass", "All {0} regions match the kernel's allocations "
                + "and free gaps.", truth.regions.size())),
                startsAbove(got) ? "starts-above-zero" : "blocks-as-regions", startsAbove(got)
                        ? "Start the walk at address 0: the free region there is a region too."
                        : "Blocks with the same AllocationBase make one region; its size is the sum of their sizes.")
                .evidence(ctx.snapshotEvidence("The address space walked"));
    }

    @Check(points = 15, title = "Each region's blocks are the VirtualQuery answers", after = "tilesAddressSpace",
            order = 3)
    public CheckResult blocksMatchVirtualQuery(AddressSpaceWalker walker, CheckContext ctx) {
        GroundTruth truth = GroundTruth.prepare(ctx.process());
        List<VmRegion> got = truth.walk(walker);
        Tally t = new Tally();
        for (VmRegion want : truth.regions) {
            if (want.type() == WinNT.MEM_FREE) {
                continue;
            }
            VmRegion r = at(got, want.base());
            t.expect(r != null && Objects.equals(r.blocks(), want.blocks()), Msg.of("blocks.wrong",
                    "the region at {0} has {1} block(s) {2}, but the walk reported {3}", Win32Names.hex(want.base()),
                    want.blocks().size(), blocks(want), r == null ? Msg.of("blocks.no-region", "no region there")
                    : Msg.of("blocks.reported", "{0}: {1}", r.blocks().size(), blocks(r))));
        }
        return hintIfFailed(t.result(15, Msg.of("blocks.pass", "Every block's base, size, state, protection and "
                + "type match VirtualQuery.")),
                regionsDiffer(truth, got) ? "blocks-as-regions" : "record-blocks", regionsDiffer(truth, got)
                        ? "A region's blocks are every VirtualQuery answer with its AllocationBase, not just the first."
                        : "Record each VirtualQuery answer as a block: BaseAddress, RegionSize, State, Protect, Type.");
    }

    @Check(points = 10, title = "Thread stacks are found by their guard page", after = "tilesAddressSpace", order = 4)
    public CheckResult identifiesStacks(AddressSpaceWalker walker, CheckContext ctx) {
        return kinds(walker, ctx, RegionKind.STACK, "guard-bit", "A private region with a block whose protection "
                + "has the PAGE_GUARD bit is a thread stack: test (Protect & PAGE_GUARD) != 0.");
    }

    @Check(points = 10, title = "Heaps are found through GetProcessHeaps", after = "tilesAddressSpace", order = 5)
    public CheckResult identifiesHeaps(AddressSpaceWalker walker, CheckContext ctx) {
        return kinds(walker, ctx, RegionKind.HEAP, "heap-handles", "GetProcessHeaps fills an array with heap "
                + "handles; a heap's handle is the base of its region.");
    }

    @Check(points = 10, title = "Images and mapped views are told apart", after = "tilesAddressSpace", order = 6)
    public CheckResult identifiesImagesAndViews(AddressSpaceWalker walker, CheckContext ctx) {
        CheckResult images = kinds(walker, ctx, RegionKind.IMAGE, "type-field", "MEM_IMAGE regions are exes and "
                + "DLLs: read the Type of the region's blocks.");
        CheckResult views = kinds(walker, ctx, RegionKind.MAPPED, "type-field", "MEM_MAPPED regions are views of "
                + "files: read the Type of the region's blocks.");
        if (images.points() != 0 || views.points() != 0 || images.status() != views.status()) {
            return images.status() != CheckStatus.PASS ? images : views;
        }
        return CheckResult.pass(Msg.of("images-views.pass", "Every image and every mapped view was named as such."));
    }

    @Check(points = 10, title = "The walk is right on x64 and with ASLR", after = "tilesAddressSpace", order = 7)
    public CheckResult otherMachines(AddressSpaceWalker walker, CheckContext ctx) {
        Tally t = new Tally();
        String[] mode = new String[1];
        for (MachineConfig c : List.of(MachineConfig.x64(), MachineConfig.x64().aslr(true),
                MachineConfig.x86().aslr(true))) {
            try (Machine m = Machine.create(c.seed(ctx.seed() + 1))) {
                GroundTruth truth = GroundTruth.prepare(m.createProcess());
                List<VmRegion> got = truth.walk(walker);
                String arch = c.is64Bit() ? "x64" : "x86";
                Msg name = c.aslr() ? Msg.of("machine.aslr", "{0} with ASLR", arch) : Msg.text(arch);
                VmRegion wrong = truth.regions.stream().filter(want -> !want.equals(at(got, want.base())))
                        .findFirst().orElse(null);
                if (mode[0] == null && (wrong != null || got.size() != truth.regions.size())) {
                    mode[0] = diagnose(truth, got, wrong);
                }
                t.expect(wrong == null && got.size() == truth.regions.size(), wrong == null
                        ? Msg.of("other.count", "on {0} the walk found {1} regions, not {2}", name, got.size(),
                                truth.regions.size())
                        : Msg.of("other.region", "on {0} the region {1} is {2}", name, describe(wrong),
                                describeGot(at(got, wrong.base()))));
            }
        }
        return hintIfFailed(t.result(10, Msg.of("other.pass", "On x64, x64 with ASLR and x86 with ASLR every region, "
                + "block and kind matched.")),
                mode[0] == null ? "int-address" : mode[0], OTHER_MACHINE_HINTS.get(mode[0] == null
                        ? "int-address" : mode[0]));
    }

    /** What went wrong on another machine, from the first region that differs, so the hint is about that. */
    private static final Map<String, String> OTHER_MACHINE_HINTS = Map.of(
            "int-address", "Addresses on x64 go up to 0x00007FFFFFFEFFFF: keep them in long, never in an int.",
            "blocks-as-regions", "The regions differ here as they do on x86: blocks with the same AllocationBase make "
                    + "one region.",
            "guard-bit", "A stack is missed here as on x86: test (Protect & PAGE_GUARD) != 0, since a guard page's "
                    + "protection is PAGE_READWRITE | PAGE_GUARD.",
            "wrong-kind", "A region's kind is wrong here as on x86: see the check of that kind.",
            "starts-above-zero", "The walk misses the free region at address 0 here as on x86: start at 0.");

    private static boolean startsAbove(List<VmRegion> got) {
        return !got.isEmpty() && got.get(0) != null && got.get(0).base() > 0;
    }

    private static String diagnose(GroundTruth truth, List<VmRegion> got, VmRegion wrong) {
        if (startsAbove(got)) {
            return "starts-above-zero";
        }
        if (wrong != null) {
            VmRegion r = at(got, wrong.base());
            boolean truncated = got.stream().anyMatch(g -> g != null && g.base() >= 0 && g.base() < (1L << 32)
                    && truth.regions.stream().anyMatch(w -> w.base() >= (1L << 32)
                    && (w.base() & 0xFFFFFFFFL) == g.base()));
            if (truncated) {
                return "int-address";
            }
            if (r != null && r.size() == wrong.size()) {
                return wrong.kind() == RegionKind.STACK ? "guard-bit" : "wrong-kind";
            }
        }
        return regionsDiffer(truth, got) ? "blocks-as-regions" : "int-address";
    }

    @Check(points = 10, title = "The listing has a line for every region", after = "tilesAddressSpace", order = 8)
    public CheckResult listingNamesEveryRegion(AddressSpaceWalker walker, CheckContext ctx) {
        GroundTruth truth = GroundTruth.prepare(ctx.process());
        List<VmRegion> got = truth.walk(walker);
        String text = GroundTruth.call("listing", () -> walker.listing(got));
        List<String> lines = text == null ? List.of() : text.lines().toList();
        Tally t = new Tally();
        for (VmRegion r : got) {
            String base = Win32Names.hex(r.base());
            String line = lines.stream().filter(l -> l.startsWith(base)).findFirst().orElse(null);
            String size = Long.toHexString(r.size()).toUpperCase();
            t.expect(line != null && line.contains(r.kind().name()) && line.toUpperCase().contains(size), line == null
                    ? Msg.of("listing.missing", "no line starts with {0} and names its size (0x{1}) and kind {2}",
                            base, size, String.valueOf(r.kind()))
                    : Msg.of("listing.wrong", "no line starts with {0} and names its size (0x{1}) and kind {2}; "
                            + "found: {3}", base, size, String.valueOf(r.kind()), line.strip()));
        }
        return hintIfFailed(t.result(10, Msg.of("listing.pass", "The listing has one line per region with base, "
                + "size and kind.")), "listing-format",
                        "String.format(\"0x%08X\", base) on x86; 16 digits when the address needs more than 32 bits.");
    }

    private static CheckResult kinds(AddressSpaceWalker walker, CheckContext ctx, RegionKind kind, String mode,
                                     String hint) {
        GroundTruth truth = GroundTruth.prepare(ctx.process());
        List<VmRegion> got = truth.walk(walker);
        Set<Long> want = bases(truth.regions, kind);
        Set<Long> found = bases(got, kind);
        Tally t = new Tally();
        for (long b : want) {
            t.expect(found.contains(b), Msg.of("kinds.missed", "the {0} region at {1} was reported as {2}",
                    String.valueOf(kind), Win32Names.hex(b), at(got, b) == null
                    ? Msg.of("kinds.nothing", "nothing (no region starts there)")
                    : String.valueOf(at(got, b).kind())));
        }
        for (long b : found) {
            t.expect(want.contains(b), Msg.of("kinds.not-one", "the region at {0} was reported as {1}, but it is "
                    + "not one", Win32Names.hex(b), String.valueOf(kind)));
        }
        return hintIfFailed(t.result(10, Msg.of("kinds.pass", "Found every {0} region: {1}.", String.valueOf(kind),
                want.stream().map(Win32Names::hex).collect(Collectors.joining(", ")))),
                regionsDiffer(truth, got) ? "blocks-as-regions" : mode,
                        regionsDiffer(truth, got) ? "A kind belongs to a whole region: merge the blocks with the same "
                                + "AllocationBase first (see the region check), then look at them together." : hint);
    }

    /** {@code result} with the hint, unless it passed: a check that passed has no mistake to hint at. */
    private static CheckResult hintIfFailed(CheckResult result, String failureMode, String text) {
        return result.status() == CheckStatus.PASS ? result : result.hint(failureMode, text);
    }

    // The walk's regions are not the allocations: whatever else fails follows from that, so the hint says so.
    private static boolean regionsDiffer(GroundTruth truth, List<VmRegion> got) {
        for (VmRegion want : truth.regions) {
            VmRegion r = at(got, want.base());
            if (r == null || r.size() != want.size()) {
                return true;
            }
        }
        return false;
    }

    private static Set<Long> bases(List<VmRegion> regions, RegionKind kind) {
        return regions.stream().filter(r -> r != null && r.kind() == kind).map(VmRegion::base)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String blocks(VmRegion r) {
        return r.blocks().stream().map(b -> Win32Names.hex(b.base()) + " " + Win32Names.mem(b.state()) + " "
                + Win32Names.protection(b.protect())).limit(4).toList().toString();
    }

    private static Msg describeGot(VmRegion r) {
        return r == null ? Msg.of("other.missing", "missing")
                : Msg.of("other.with-blocks", "{0} with {1} block(s)", describe(r), r.blocks().size());
    }
}

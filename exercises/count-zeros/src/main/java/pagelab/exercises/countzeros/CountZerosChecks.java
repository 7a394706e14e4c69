package pagelab.exercises.countzeros;

import static pagelab.exercises.countzeros.Scan.DIR;
import static pagelab.exercises.countzeros.Scan.GRANULARITY;

import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinError;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code count-zeros}. Each writes a file of known content into a fresh machine, runs the student's
 * {@code countZeros} once, and compares the count and the views mapped (from the trace) with what they must be.
 */
public class CountZerosChecks {
    /** Larger than the whole x86 user-mode address space (2 GiB less 128 KiB): it can never be mapped at once. */
    static final long BIG = (2L << 30) + 3 * GRANULARITY + 5;

    /**
     * View limits the granularity check runs with: 64 KiB, where a block rounded to pages happens to be aligned too,
     * and 100 KiB, a whole number of pages but not of 64 KiB, where only rounding to the allocation granularity
     * gives aligned offsets (a block of 100 KiB puts the second view at 0x19000).
     */
    static final List<Long> GRANULARITY_LIMITS = List.of(GRANULARITY, 100 * 1024L);

    @Check(points = 15, title = "Every view starts at a multiple of the allocation granularity", order = 1)
    public CheckResult viewsOnGranularity(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content(200 * 1024 + 123, 10);
        ctx.machine().files().write(DIR + "small.bin", file);
        int views = 0;
        for (long limit : GRANULARITY_LIMITS) {
            Scan s = Scan.run(ctx, solution, DIR + "small.bin", limit);
            List<KernelCall> maps = s.maps();
            if (maps.isEmpty()) {
                return CheckResult.fail(Msg.of("granularity.expected-views", "views of the file (MapViewOfFile)"),
                        Msg.of("granularity.no-views", "countZeros(maxViewBytes = {0}) {1} without mapping a view",
                        bytes(limit), s.outcome()))
                        .hint("no-views", "Open the file, CreateFileMapping it, and MapViewOfFile one block at a time.")
                        .evidence(ctx.traceEvidence());
            }
            for (KernelCall m : maps) {
                long offset = Scan.offset(m);
                if (offset % GRANULARITY != 0 || (m.failed() && m.lastError() == WinError.ERROR_MAPPED_ALIGNMENT)) {
                    return CheckResult.fail(Msg.of("granularity.misaligned", "With maxViewBytes = {0} a view was asked "
                            + "for at file offset {1}, which is not a multiple of the allocation granularity "
                            + "(64 KiB); MapViewOfFile {2}, and countZeros {3}.", bytes(limit),
                            Win32Names.hex(offset), m.failed() ? Msg.of("granularity.map-failed", "failed with {0}",
                            Win32Names.error(m.lastError())) : Msg.of("granularity.map-returned", "returned {0}",
                            m.result()), s.outcome()), Msg.of("granularity.expected-offsets",
                            "offsets 0x00000000, 0x00010000, 0x00020000, ..."), Msg.text(Win32Names.hex(offset)))
                            .hint(limit % GRANULARITY != 0 ? "page-rounded-blocks" : "page-size-views",
                                    limit % GRANULARITY != 0
                                    ? "Round the block size down to a multiple of dwAllocationGranularity, not of "
                                            + "dwPageSize: " + Win32Names.bytes(limit) + " is a whole number of pages "
                                            + "but not of 64 KiB blocks."
                                    : "Views start on dwAllocationGranularity (64 KiB), not dwPageSize: make each "
                                            + "block a multiple of SYSTEM_INFO.dwAllocationGranularity.")
                            .evidence(ctx.traceEvidence());
                }
            }
            views += maps.size();
        }
        return CheckResult.pass(Msg.of("granularity.pass", "{0} views with view limits of 64 KiB and 100 KiB, all at "
                + "multiples of 64 KiB.", String.valueOf(views)))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "The zeros of a 200 KiB file are counted", after = "viewsOnGranularity", order = 2)
    public CheckResult countsSmallFile(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content(200 * 1024 + 123, 10);
        ctx.machine().files().write(DIR + "small.bin", file);
        Scan s = Scan.run(ctx, solution, DIR + "small.bin", 2 * GRANULARITY);
        return count(s, Scan.zerosIn(file), file.length, 15, ctx);
    }

    @Check(points = 15, title = "Never more than maxViewBytes are mapped at once", after = "viewsOnGranularity",
            order = 3)
    public CheckResult neverMapsMoreThanLimit(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content(1024 * 1024 + 7, 3);
        ctx.machine().files().write(DIR + "limit.bin", file);
        long limit = 2 * GRANULARITY;
        Scan s = Scan.run(ctx, solution, DIR + "limit.bin", limit);
        long peak = s.peakMappedBytes();
        Tally t = new Tally();
        t.expect(3, peak <= limit, Msg.of("limit.exceeded", "up to {0} of views were mapped at once; the limit was {1}",
                bytes(peak), bytes(limit)));
        return t.result(15, Msg.of("limit.pass", "At most {0} were mapped at any moment (limit {1}).", bytes(peak),
                        bytes(limit)))
                .hint(s.mistake(file.length), s.mistake(file.length).equals("never-unmaps")
                        ? "Views add up when none is unmapped: UnmapViewOfFile each block before mapping the next."
                        : "Map one block, count it, unmap it, then map the next: a view of size 0 maps the whole rest "
                        + "of the file.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "Every view is unmapped and every handle closed", after = "viewsOnGranularity",
            order = 4)
    public CheckResult unmapsEachView(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content(300 * 1024, 7);
        ctx.machine().files().write(DIR + "tidy.bin", file);
        Scan s = Scan.run(ctx, solution, DIR + "tidy.bin", GRANULARITY).withViewsLeft(ctx.snapshot());
        Tally t = new Tally();
        t.expect(2, s.viewsLeft == 0, Msg.of("tidy.views-left", "after countZeros {0} view(s) of {1} are still mapped",
                String.valueOf(s.viewsLeft), String.valueOf(s.maps().size())));
        t.expect(1, s.openHandles().isEmpty(), Msg.of("tidy.handles-open", "these handles are still open: {0}",
                s.openHandles().toString()));
        return t.result(10, Msg.of("tidy.pass", "All {0} views were unmapped and both handles closed.",
                        String.valueOf(s.maps().size())))
                .hint("never-unmaps", "UnmapViewOfFile after each block; CloseHandle the mapping (and the file) at "
                        + "the end.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after countZeros"));
    }

    @Check(points = 10, title = "The short block at the end is counted", after = "viewsOnGranularity", order = 5)
    public CheckResult lastPartialBlock(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content((int) (3 * GRANULARITY + 5), Integer.MAX_VALUE);
        file[0] = 'x';
        for (int i = file.length - 5; i < file.length; i++) {
            file[i] = 0;
        }
        ctx.machine().files().write(DIR + "tail.bin", file);
        Scan s = Scan.run(ctx, solution, DIR + "tail.bin", GRANULARITY);
        return count(s, 5, file.length, 10, ctx).hint("drops-tail", "The file is 3 blocks and 5 bytes; all 5 zeros "
                + "are in the last, 5-byte block. Map min(block, bytes left).");
    }

    @Check(points = 25, title = "A file larger than the address space is counted", after = "viewsOnGranularity",
            order = 6)
    public CheckResult bigFile(ZeroCounter solution, CheckContext ctx) {
        ctx.machine().files().createGenerated(DIR + "big.bin", BIG, BigFile::fill);
        Scan s = Scan.run(ctx, solution, DIR + "big.bin", 16 * GRANULARITY);
        CheckResult r = count(s, BigFile.zeros(BIG), BIG, 25, ctx);
        return s.crash == null && s.result == BigFile.zeros(BIG) ? r : r.hint(s.mistake(BIG),
                s.mistake(BIG).equals("drops-tail") ? "The last block of the file is shorter than the others; map "
                + "min(block, bytes left) and count it too."
                : "The file is " + Win32Names.bytes(BIG) + ": more than the 2 GiB of an x86 process. Only views of "
                + "at most maxViewBytes, one at a time, and unmapped before the next, fit.");
    }

    @Check(points = 10, title = "Counting works on x64 too", after = "viewsOnGranularity", order = 7)
    public CheckResult worksOnX64(ZeroCounter solution, CheckContext ctx) {
        byte[] file = Scan.content(300 * 1024 + 1, 5);
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            x64.files().write(DIR + "x64.bin", file);
            WinProcess p = x64.createProcess();
            Scan s = Scan.run(ctx, p.kernel32(), p.memory(), solution, DIR + "x64.bin", 4 * GRANULARITY,
                    x64.inspector().lastSequence());
            long want = Scan.zerosIn(file);
            if (s.crash == null && s.result == want) {
                return CheckResult.pass(Msg.of("x64.pass", "On x64 countZeros counted all {0} zeros of {1}.",
                        String.valueOf(want), bytes(file.length)));
            }
            String mistake = s.mistake(file.length);
            return CheckResult.fail(Msg.of("x64.expected", "countZeros on x64 to return {0}", String.valueOf(want)),
                    Msg.of("x64.actual", "it {0}", s.outcome()))
                    .hint(mistake.equals("miscount") ? "int-address" : mistake, mistake.equals("drops-tail")
                            ? "The short block at the end is missed here too: map min(block, bytes left)."
                            : "Keep offsets and addresses in long; split the offset into high and low DWORDs.");
        }
    }

    private static CheckResult count(Scan s, long want, long size, int points, CheckContext ctx) {
        if (s.crash == null && s.result == want) {
            return CheckResult.pass(Msg.of("count.pass", "Counted all {0} zeros of {1} in {2} views.", want,
                    bytes(size), String.valueOf(s.maps().size()))).evidence(ctx.traceEvidence());
        }
        KernelCall failedMap = s.maps().stream().filter(KernelCall::failed).findFirst().orElse(null);
        Msg why = failedMap == null ? Msg.text("") : Msg.of("count.map-failed", "; MapViewOfFile at offset {0} failed "
                + "with {1}", Win32Names.hex(Scan.offset(failedMap)), Win32Names.error(failedMap.lastError()));
        return CheckResult.fail(Msg.of("count.wrong", "countZeros of a file of {0} {1}{2}{3}.", bytes(size),
                        s.outcome(), why, s.crash == null ? Msg.of("count.expected", "; expected {0}", want)
                        : Msg.text("")),
                Msg.text(String.format("%,d", want)), s.crash != null ? Msg.of("count.a-crash", "a crash")
                        : Msg.text(String.format("%,d", s.result)))
                .hint(s.mistake(size), COUNT_HINTS.get(s.mistake(size)))
                .evidence(ctx.traceEvidence());
    }

    private static final Map<String, String> COUNT_HINTS = Map.of(
            "never-unmaps", "UnmapViewOfFile each block before mapping the next: views that stay mapped fill the "
                    + "address space.",
            "maps-whole-file", "Map at most maxViewBytes at a time: a view of size 0 maps the whole rest of the file.",
            "drops-tail", "The file does not end on a block boundary: map min(block, bytes left) for the last, short "
                    + "block and count it too.",
            "miscount", "Count every byte that is 0 in each view: memory.getByte(view + i) for i below the view's "
                    + "size.");

    /** {@code 1 byte}, {@code 65,536 bytes}, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }
}

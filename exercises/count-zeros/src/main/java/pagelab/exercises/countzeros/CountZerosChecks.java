package pagelab.exercises.countzeros;

import static pagelab.exercises.countzeros.Scan.DIR;
import static pagelab.exercises.countzeros.Scan.GRANULARITY;

import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
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
                return CheckResult.fail("views of the file (MapViewOfFile)", "countZeros(maxViewBytes = "
                        + Win32Names.bytes(limit) + ") " + s.outcome() + " without mapping a view")
                        .hint("no-views", "Open the file, CreateFileMapping it, and MapViewOfFile one block at a time.")
                        .evidence(ctx.traceEvidence());
            }
            for (KernelCall m : maps) {
                long offset = Scan.offset(m);
                if (offset % GRANULARITY != 0 || (m.failed() && m.lastError() == WinError.ERROR_MAPPED_ALIGNMENT)) {
                    return CheckResult.fail("With maxViewBytes = " + Win32Names.bytes(limit) + " a view was asked "
                            + "for at file offset " + Win32Names.hex(offset) + ", which is not a multiple of the "
                            + "allocation granularity (64 KiB); MapViewOfFile " + (m.failed() ? "failed with "
                            + Win32Names.error(m.lastError()) : "returned " + m.result()) + ", and countZeros "
                            + s.outcome() + ".", "offsets 0x00000000, 0x00010000, 0x00020000, ...",
                            Win32Names.hex(offset))
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
        return CheckResult.pass(views + " views with view limits of 64 KiB and 100 KiB, all at multiples of 64 KiB.")
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
        t.expect(3, peak <= limit, "up to " + Win32Names.bytes(peak) + " of views were mapped at once; the limit was "
                + Win32Names.bytes(limit));
        return t.result(15, "At most " + Win32Names.bytes(peak) + " were mapped at any moment (limit "
                        + Win32Names.bytes(limit) + ").")
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
        t.expect(2, s.viewsLeft == 0, "after countZeros " + s.viewsLeft + " view(s) of " + s.maps().size()
                + " are still mapped");
        t.expect(1, s.openHandles().isEmpty(), "these handles are still open: " + s.openHandles());
        return t.result(10, "All " + s.maps().size() + " views were unmapped and both handles closed.")
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
                return CheckResult.pass("On x64 countZeros counted all " + want + " zeros of "
                        + Win32Names.bytes(file.length) + ".");
            }
            String mistake = s.mistake(file.length);
            return CheckResult.fail("countZeros on x64 to return " + want, "it " + s.outcome())
                    .hint(mistake.equals("miscount") ? "int-address" : mistake, mistake.equals("drops-tail")
                            ? "The short block at the end is missed here too: map min(block, bytes left)."
                            : "Keep offsets and addresses in long; split the offset into high and low DWORDs.");
        }
    }

    private static CheckResult count(Scan s, long want, long size, int points, CheckContext ctx) {
        if (s.crash == null && s.result == want) {
            return CheckResult.pass("Counted all " + String.format("%,d", want) + " zeros of "
                    + Win32Names.bytes(size) + " in " + s.maps().size() + " views.").evidence(ctx.traceEvidence());
        }
        KernelCall failedMap = s.maps().stream().filter(KernelCall::failed).findFirst().orElse(null);
        String why = failedMap == null ? "" : "; MapViewOfFile at offset " + Win32Names.hex(Scan.offset(failedMap))
                + " failed with " + Win32Names.error(failedMap.lastError());
        return CheckResult.fail("countZeros of a file of " + Win32Names.bytes(size) + " " + s.outcome() + why
                        + (s.crash == null ? "; expected " + String.format("%,d", want) : "") + ".",
                String.format("%,d", want), s.crash != null ? "a crash" : String.format("%,d", s.result))
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
}

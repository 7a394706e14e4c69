package pagelab.exercises.partitions;

import static pagelab.exercises.partitions.Partition.KERNEL_MODE;
import static pagelab.exercises.partitions.Partition.NULL_POINTER;
import static pagelab.exercises.partitions.Partition.OFF_LIMITS;
import static pagelab.exercises.partitions.Partition.USER_MODE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.WinError;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The checks of {@code partitions}: the partition of chosen addresses on x86, x86 with /3GB and x64, against the
 * bounds GetSystemInfo gives, and what the solution's VirtualAlloc probes answered, against the kernel's trace.
 */
public class PartitionsChecks {
    private static final long GRANULARITY = 0x10000;

    /** The hint of each way of getting partitions wrong, chosen from the answers a check saw. */
    private static final Map<String, String> PARTITION_HINTS = Map.of(
            "signed-address", "An address at or above 0x80000000 came out in the NULL-pointer partition: it was "
                    + "taken as a negative number. Keep addresses in long and compare them with Long.compareUnsigned.",
            "hard-coded-2gib", "User mode ends at lpMaximumApplicationAddress from GetSystemInfo, not at 0x7FFEFFFF: "
                    + "that is only 32-bit Windows without /3GB.",
            "no-off-limits", "The 64 KiB just above lpMaximumApplicationAddress are the off-limits partition; kernel "
                    + "mode starts above them.",
            "max-exclusive", "lpMaximumApplicationAddress is the last address of user mode, not the first above it: "
                    + "compare with <=.",
            "null-is-one-page", "The NULL-pointer partition is 64 KiB, 0x00000000 to 0x0000FFFF, not one page: user "
                    + "mode starts at lpMinimumApplicationAddress.",
            "partition-bounds", "NULL pointer: below lpMinimumApplicationAddress. User mode: up to "
                    + "lpMaximumApplicationAddress included. Off limits: the next 64 KiB. Kernel mode: the rest.");

    /** The hint of each way of getting tryReserve wrong. */
    private static final Map<String, String> PROBE_HINTS = Map.of(
            "no-probe", "Ask the kernel: call VirtualAlloc(address, pageSize, MEM_RESERVE, PAGE_READWRITE). Only the "
                    + "kernel knows what is already in use.",
            "error-meaning", "ERROR_INVALID_ADDRESS (487) means the range is user mode but overlaps something there "
                    + "already; ERROR_INVALID_PARAMETER (87) means no program may allocate at that address at all.",
            "reserve-not-commit", "Probe with MEM_RESERVE. MEM_COMMIT alone commits into a reservation that is there "
                    + "already: at a free address it fails with ERROR_INVALID_ADDRESS, and where memory is committed "
                    + "it succeeds, so the release that follows frees a region that is not yours.",
            "keeps-reservation", "A probe gives back what it took: VirtualFree(base, 0, MEM_RELEASE) after a "
                    + "VirtualAlloc that succeeded.",
            "reserve-one-page", "Reserve one page at the address with MEM_RESERVE and PAGE_READWRITE; when it "
                    + "succeeds, answer RESERVED.");

    // ---------------------------------------------------------------- partitionOf

    @Check(points = 15, title = "The NULL-pointer partition is the first 64 KiB", order = 1)
    public CheckResult nullPartition(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        Map<Long, Partition> cases = cases(0x0L, NULL_POINTER, 0x1L, NULL_POINTER, 0xFFFL, NULL_POINTER, 0x1000L,
                NULL_POINTER, 0x8000L, NULL_POINTER, 0xFFFFL, NULL_POINTER, 0x10000L, USER_MODE);
        SYSTEM_INFO si = systemInfo(ctx.kernel32());
        return grade(map, machineName(si), si, cases, 15, Msg.of("null-pointer.pass",
                "0x00000000 to 0x0000FFFF are the NULL-pointer partition; user mode starts at 0x00010000."));
    }

    @Check(points = 10, title = "User mode runs from lpMinimumApplicationAddress to lpMaximumApplicationAddress",
            order = 2)
    public CheckResult userMode(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        SYSTEM_INFO si = systemInfo(ctx.kernel32());
        long min = si.lpMinimumApplicationAddress;
        long max = si.lpMaximumApplicationAddress;
        Map<Long, Partition> cases = cases(min, USER_MODE, 0x00400000L, USER_MODE, 0x12345678L, USER_MODE,
                max - 0xFFFF, USER_MODE, max, USER_MODE);
        return grade(map, machineName(si), si, cases, 10, Msg.of("user-mode.pass",
                "{0} to {1}, both included, are user mode.", Win32Names.hex(min), Win32Names.hex(max)));
    }

    @Check(points = 15, title = "The 64 KiB off-limits partition, then kernel mode", order = 3)
    public CheckResult offLimits(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        SYSTEM_INFO si = systemInfo(ctx.kernel32());
        long max = si.lpMaximumApplicationAddress;
        Map<Long, Partition> cases = cases(max + 1, OFF_LIMITS, max + 0x8001, OFF_LIMITS, max + 0x10000, OFF_LIMITS);
        for (long a : kernelAddresses(si)) {
            cases.put(a, KERNEL_MODE);
        }
        return grade(map, machineName(si), si, cases, 15, Msg.of("off-limits.pass",
                "{0} to {1} are off limits; kernel mode starts above them.", Win32Names.hex(max + 1),
                Win32Names.hex(max + 0x10000)));
    }

    /** Kernel-mode addresses of the machine: above the off-limits partition; on x64 only canonical ones. */
    private static List<Long> kernelAddresses(SYSTEM_INFO si) {
        long max = si.lpMaximumApplicationAddress;
        if (is64Bit(si)) {
            return List.of(0xFFFF800000000000L, 0xFFFFFFFFFFFFFFFFL);
        }
        List<Long> out = new ArrayList<>(List.of(max + 0x10001));
        if (max + 0x10001 < 0xC0000000L) {
            out.add(0xC0000000L);
        }
        out.add(0xFFFFFFFFL);
        return out;
    }

    private static boolean is64Bit(SYSTEM_INFO si) {
        return si.lpMaximumApplicationAddress > 0xFFFFFFFFL;
    }

    private static Msg machineName(SYSTEM_INFO si) {
        return is64Bit(si) ? X64 : si.lpMaximumApplicationAddress > 0x7FFFFFFFL ? X86_3GB : X86;
    }

    /** The machines' names in messages: x86 and x64 stay as they are, "with" is translated. */
    private static final Msg X86 = Msg.text("x86");
    private static final Msg X64 = Msg.text("x64");
    private static final Msg X86_3GB = Msg.of("machine.x86-3gb", "x86 with /3GB");

    @Check(points = 15, title = "x86 with /3GB and a large-address-aware exe: 3 GiB of user mode", order = 4)
    public CheckResult largeAddressAware(PartitionMap map, CheckContext ctx) {
        Map<Long, Partition> cases = cases(0x7FFF0000L, USER_MODE, 0x80000000L, USER_MODE, 0xA0000000L, USER_MODE,
                0xBFFEFFFFL, USER_MODE, 0xBFFF0000L, OFF_LIMITS, 0xBFFFFFFFL, OFF_LIMITS, 0xC0000000L, KERNEL_MODE,
                0xFFFFFFFFL, KERNEL_MODE);
        return onMachine(map, ctx, MachineConfig.x86().largeAddressAware(true), X86_3GB, cases, 15,
                Msg.of("large-address-aware.pass", "With /3GB user mode ends at 0xBFFEFFFF, off limits is "
                        + "0xBFFF0000 to 0xBFFFFFFF, kernel mode is the last 1 GiB."));
    }

    @Check(points = 15, title = "x64: 128 TiB of user mode", order = 5)
    public CheckResult x64(PartitionMap map, CheckContext ctx) {
        Map<Long, Partition> cases = cases(0x10000L, USER_MODE, 0x80000000L, USER_MODE, 0x100000000L, USER_MODE,
                0x00007FFFFFFEFFFFL, USER_MODE, 0x00007FFFFFFF0000L, OFF_LIMITS, 0x00007FFFFFFFFFFFL, OFF_LIMITS,
                0xFFFF800000000000L, KERNEL_MODE, 0xFFFFFFFFFFFFFFFFL, KERNEL_MODE);
        return onMachine(map, ctx, MachineConfig.x64(), X64, cases, 15, Msg.of("x64.pass",
                "On x64 user mode ends at 0x00007FFFFFFEFFFF, the 64 KiB above it are off limits, and "
                        + "0xFFFF800000000000 and up is kernel mode."));
    }

    private CheckResult onMachine(PartitionMap map, CheckContext ctx, MachineConfig config, Msg name,
                                  Map<Long, Partition> cases, int points, Msg pass) {
        try (Machine m = Machine.create(config.seed(ctx.seed()))) {
            WinProcess p = m.createProcess();
            map.start(p.kernel32());
            return grade(map, name, systemInfo(p.kernel32()), cases, points, pass);
        }
    }

    private static SYSTEM_INFO systemInfo(pagelab.kernel.Kernel32 kernel) {
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        return si;
    }

    private static Map<Long, Partition> cases(Object... pairs) {
        Map<Long, Partition> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((Long) pairs[i], (Partition) pairs[i + 1]);
        }
        return out;
    }

    private static CheckResult grade(PartitionMap map, Msg machine, SYSTEM_INFO si, Map<Long, Partition> cases,
                                     int points, Msg pass) {
        Map<Long, Partition> got = new LinkedHashMap<>();
        Tally t = new Tally();
        List<Msg> table = new ArrayList<>();
        for (Map.Entry<Long, Partition> c : cases.entrySet()) {
            Partition answer = map.partitionOf(c.getKey());
            got.put(c.getKey(), answer);
            t.expect(c.getValue() == answer, Msg.of("partition-of.wrong", "on {0} partitionOf({1}) is {2}; "
                    + "expected {3}", machine, Win32Names.hex(c.getKey()), String.valueOf(answer),
                    String.valueOf(c.getValue())));
            table.add(Msg.of("note.partition-row", "{0}  expected {1}, got {2}", Win32Names.hex(c.getKey()),
                    String.valueOf(c.getValue()), String.valueOf(answer)));
        }
        CheckResult r = t.result(points, pass);
        if (!t.allHeld()) {
            String mode = diagnose(cases, got, si.lpMinimumApplicationAddress, si.lpMaximumApplicationAddress);
            r = r.hint(mode, PARTITION_HINTS.get(mode));
        }
        String machineName = machine.english();
        return r.evidence(Evidence.note("GetSystemInfo on " + machineName, "lpMinimumApplicationAddress "
                        + Win32Names.hex(si.lpMinimumApplicationAddress), "lpMaximumApplicationAddress "
                        + Win32Names.hex(si.lpMaximumApplicationAddress)),
                Evidence.note(Msg.of("note.partition-of", "partitionOf on {0}", machine), table.toArray(Msg[]::new)));
    }

    /** The mistake behind wrong answers, the most telling first. */
    private static String diagnose(Map<Long, Partition> want, Map<Long, Partition> got, long lowest, long highest) {
        boolean negative = false;
        boolean exclusive = false;
        boolean twoGib = false;
        boolean noFence = false;
        boolean onePage = false;
        for (Map.Entry<Long, Partition> e : want.entrySet()) {
            long a = e.getKey();
            Partition w = e.getValue();
            Partition g = got.get(a);
            if (g == w) {
                continue;
            }
            negative |= g == NULL_POINTER && Long.compareUnsigned(a, lowest) >= 0;
            exclusive |= a == highest && g == OFF_LIMITS
                    || a == highest + 0x10000 && g == KERNEL_MODE && got.get(highest + 1) == OFF_LIMITS;
            twoGib |= w == USER_MODE && Long.compareUnsigned(a, 0x7FFEFFFFL) > 0
                    && (g == OFF_LIMITS || g == KERNEL_MODE);
            noFence |= w == OFF_LIMITS && g == KERNEL_MODE;
            onePage |= w == NULL_POINTER && a >= 0x1000 && g == USER_MODE;
        }
        return negative ? "signed-address" : exclusive ? "max-exclusive" : twoGib ? "hard-coded-2gib"
                : noFence ? "no-off-limits"
                : onePage ? "null-is-one-page" : "partition-bounds";
    }

    // ---------------------------------------------------------------- tryReserve

    @Check(points = 15, title = "VirtualAlloc refuses the NULL-pointer, off-limits and kernel partitions", order = 6)
    public CheckResult refusesOutsideUserMode(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        SYSTEM_INFO si = systemInfo(ctx.kernel32());
        long max = si.lpMaximumApplicationAddress;
        List<Long> addresses = new ArrayList<>(List.of(0x1000L, 0xF000L, max + 1, max + 1 + 0xF000));
        addresses.addAll(kernelAddresses(si).subList(0, 2));
        Tally t = new Tally();
        String mode = null;
        for (long a : addresses) {
            long mark = ctx.mark();
            Reservation r = map.tryReserve(a);
            KernelCall call = reserveCall(ctx, mark, a);
            boolean asked = call != null;
            t.expect(asked && r == Reservation.NOT_USER_MODE, asked
                    ? Msg.of("refuses.wrong", "tryReserve({0}) is {1}; VirtualAlloc failed with {2}, so expected "
                            + "NOT_USER_MODE", Win32Names.hex(a), String.valueOf(r), Win32Names.error(call.lastError()))
                    : Msg.of("refuses.not-asked", "tryReserve({0}) is {1}, but no VirtualAlloc asked the kernel "
                            + "about that address", Win32Names.hex(a), String.valueOf(r)));
            if (mode == null && !(asked && r == Reservation.NOT_USER_MODE)) {
                mode = !asked ? "no-probe" : r == Reservation.IN_USE ? "error-meaning" : "reserve-one-page";
            }
        }
        CheckResult result = t.result(15, Msg.of("refuses.pass", "VirtualAlloc failed with {0} for every address "
                + "outside user mode, and tryReserve said NOT_USER_MODE.",
                Win32Names.error(WinError.ERROR_INVALID_PARAMETER)));
        return (mode == null ? result : result.hint(mode, PROBE_HINTS.get(mode))).evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "VirtualAlloc reserves free user-mode addresses and refuses those in use", order = 7)
    public CheckResult reservesFreeUserMode(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        AddressSpaceSnapshot before = ctx.snapshot();
        Map<Long, Reservation> cases = new LinkedHashMap<>();
        cases.put(lowestFree(before), Reservation.RESERVED);
        cases.put(before.allocations().get(0).base(), Reservation.IN_USE);
        cases.put(image(before), Reservation.IN_USE);
        cases.put(freeFrom(before, 0x50000000L), Reservation.RESERVED);
        cases.put(highestFree(before), Reservation.RESERVED);
        Tally t = new Tally();
        String mode = null;
        for (Map.Entry<Long, Reservation> c : cases.entrySet()) {
            long a = c.getKey();
            long mark = ctx.mark();
            Reservation r = map.tryReserve(a);
            KernelCall call = reserveCall(ctx, mark, a);
            boolean asked = call != null;
            boolean right = asked && r == c.getValue();
            t.expect(right, asked
                    ? Msg.of("reserves.wrong", "tryReserve({0}) is {1}; expected {2} ({3})", Win32Names.hex(a),
                            String.valueOf(r), String.valueOf(c.getValue()), describe(before, a))
                    : Msg.of("reserves.not-asked", "tryReserve({0}) is {1} without asking VirtualAlloc about that "
                            + "address; expected {2} ({3})", Win32Names.hex(a), String.valueOf(r),
                            String.valueOf(c.getValue()), describe(before, a)));
            if (mode == null && !right) {
                boolean misread = r == Reservation.NOT_USER_MODE
                        || r == Reservation.IN_USE && c.getValue() != Reservation.IN_USE;
                mode = !asked ? "no-probe" : commitOnly(call) ? "reserve-not-commit"
                        : misread ? "error-meaning" : "reserve-one-page";
            }
        }
        CheckResult result = t.result(10, Msg.of("reserves.pass", "Free user-mode addresses were reserved, and the "
                + "environment block and the exe were reported IN_USE (ERROR_INVALID_ADDRESS)."));
        return (mode == null ? result : result.hint(mode, PROBE_HINTS.get(mode)))
                .evidence(ctx.traceEvidence(), Evidence.snapshot("Address space before the probes", before));
    }

    @Check(points = 5, title = "A probe releases what it reserved", order = 8)
    public CheckResult releasesWhatItReserved(PartitionMap map, CheckContext ctx) {
        map.start(ctx.kernel32());
        long a = freeFrom(ctx.snapshot(), 0x50000000L);
        long mark = ctx.mark();
        Reservation first = map.tryReserve(a);
        KernelCall call = reserveCall(ctx, mark, a);
        boolean reserved = call != null && !call.failed();
        boolean freeAfter = ctx.snapshot().allocationAt(a) == null;
        Reservation second = map.tryReserve(a);
        Tally t = new Tally();
        if (call == null) {
            t.expect(false, Msg.of("releases.not-asked", "tryReserve({0}) answered {1} without a VirtualAlloc "
                    + "that reserved the address", Win32Names.hex(a), String.valueOf(first)))
                    .hint("no-probe", PROBE_HINTS.get("no-probe"));
        } else if (!reserved) {
            String mode = commitOnly(call) ? "reserve-not-commit" : "reserve-one-page";
            t.expect(false, Msg.of("releases.reserve-failed", "tryReserve({0}) answered {1}: VirtualAlloc({2}) "
                    + "failed with {3} at a free address", Win32Names.hex(a), String.valueOf(first),
                    String.join(", ", call.arguments()), Win32Names.error(call.lastError())))
                    .hint(mode, PROBE_HINTS.get(mode));
        } else {
            t.expect(freeAfter, Msg.of("releases.still-reserved", "after tryReserve({0}) the address is still "
                    + "reserved; a probe must release it", Win32Names.hex(a)))
                    .hint("keeps-reservation", PROBE_HINTS.get("keeps-reservation"));
            t.expect(second == Reservation.RESERVED, Msg.of("releases.second", "a second tryReserve({0}) is {1}; "
                    + "expected RESERVED again", Win32Names.hex(a), String.valueOf(second)))
                    .hint("reserve-one-page", PROBE_HINTS.get("reserve-one-page"));
        }
        return t.result(5, Msg.of("releases.pass", "The probe reserved {0}, released it, and could reserve it "
                + "again.", Win32Names.hex(a)))
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the probes"));
    }

    /** The VirtualAlloc at {@code address} since {@code mark}, the last one if several; null if none. */
    private static KernelCall reserveCall(CheckContext ctx, long mark, long address) {
        KernelCall found = null;
        for (TraceEvent e : ctx.since(mark)) {
            if (e instanceof KernelCall c && c.function().equals("VirtualAlloc") && !c.arguments().isEmpty()
                    && parse(c.arguments().get(0)) == address) {
                found = c;
            }
        }
        return found;
    }

    /** Whether the call asked for MEM_COMMIT without MEM_RESERVE. */
    private static boolean commitOnly(KernelCall call) {
        return call.arguments().size() > 2 && !call.arguments().get(2).contains("MEM_RESERVE");
    }

    private static long parse(String hex) {
        try {
            return Win32Names.parseHex(hex);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The lowest 64 KiB-aligned free unit of user mode. */
    private static long lowestFree(AddressSpaceSnapshot s) {
        return freeFrom(s, s.minAddress());
    }

    /** The lowest 64 KiB-aligned free unit of user mode at or above {@code from}. */
    private static long freeFrom(AddressSpaceSnapshot s, long from) {
        for (long a = from; a < s.maxAddress(); a += GRANULARITY) {
            if (isFree(s, a)) {
                return a;
            }
        }
        throw new IllegalStateException("no free 64 KiB in user mode");
    }

    /**
     * The highest 64 KiB-aligned free unit that Windows would reserve: not the last 64 KiB of user mode, which
     * VirtualAlloc refuses on Windows (MM_HIGHEST_VAD_ADDRESS) though the simulator does not.
     */
    private static long highestFree(AddressSpaceSnapshot s) {
        for (long a = (s.maxAddress() + 1) - 2 * GRANULARITY; a > s.minAddress(); a -= GRANULARITY) {
            if (isFree(s, a)) {
                return a;
            }
        }
        throw new IllegalStateException("no free 64 KiB in user mode");
    }

    private static boolean isFree(AddressSpaceSnapshot s, long unit) {
        for (Allocation x : s.allocations()) {
            if (x.base() < unit + GRANULARITY && x.end() > unit) {
                return false;
            }
        }
        return true;
    }

    private static long image(AddressSpaceSnapshot s) {
        return s.allocations().stream().filter(x -> x.type() == pagelab.kernel.WinNT.MEM_IMAGE).findFirst()
                .map(Allocation::base).orElseThrow();
    }

    private static Msg describe(AddressSpaceSnapshot s, long a) {
        Allocation x = s.allocationAt(a);
        if (x == null) {
            return isFree(s, a) ? Msg.of("address.free", "free")
                    : Msg.of("address.free-unit-in-use", "free, but the 64 KiB around it are not");
        }
        return x.detail().isEmpty() ? Msg.of("address.in-use", "in use")
                : Msg.of("address.in-use-by", "in use: {0}", x.detail());
    }
}

package pagelab.exercises.heapwalk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinError;
import pagelab.kernel.WinProcess;
import pagelab.kernel.control.FaultInjection;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The checker's handle on the student's survey in one process: calls that turn a crash into a failed check, a
 * bound on the walk so that a walk that never ends still ends, the Heap calls each call made, and a probe of the
 * heap's lock. One per process in a check run, used by the thread running the check (which is also the thread
 * the student's code runs on: HeapLock belongs to a thread).
 */
final class Surveyor {
    private final WinProcess process;
    private final HeapSurvey survey;
    private long mark;
    private long end;

    Surveyor(WinProcess process, HeapSurvey survey) {
        this.process = process;
        this.survey = survey;
        this.mark = sequence();
        this.end = mark;
    }

    Kernel32 kernel() {
        return process.kernel32();
    }

    FaultInjection faultInjection() {
        return process.machine().faultInjection();
    }

    /**
     * The student's walk of {@code truth}'s heap. A walk that passes a fresh entry (or lpData 0) to every HeapWalk
     * starts over for ever; HeapWalk is made to fail with ERROR_NO_MORE_ITEMS once the walk has made twenty times
     * the calls the heap needs, and the check fails with the reason.
     */
    HeapStats walk(GroundTruth truth) {
        int bound = 20 * truth.entries().size() + 100;
        faultInjection().failNthCall("HeapWalk", bound, WinError.ERROR_NO_MORE_ITEMS);
        HeapStats got;
        try {
            got = walkAsIs(truth.heap());
        } finally {
            faultInjection().clear();
        }
        int walks = calls("HeapWalk", truth.heap().handle()).size();
        if (walks >= bound) {
            // The counts are text, as they always read (no thousands separators).
            throw new CheckFailedException(CheckResult.fail(Msg.of("walk.never-ends", "walk made {0} HeapWalk "
                            + "calls on {1}, which has {2} entries, and was stopped: it never reached the end of the "
                            + "heap.", String.valueOf(walks), truth.heap().name(),
                            String.valueOf(truth.entries().size())))
                    .hint("walk-never-ends",
                            "Pass the same PROCESS_HEAP_ENTRY back to every HeapWalk call: HeapWalk finds the next "
                            + "entry from the one it is given, and an entry whose lpData is 0 starts again at the "
                            + "first.")
                    .evidence(truth.evidence(got)));
        }
        return got;
    }

    /** The student's walk with no bound and no fault injection of the checker's (the caller may have set some). */
    HeapStats walkAsIs(PreparedHeap heap) {
        return call(Msg.of("call.walk", "walk of {0}", heap.name()), () -> survey.walk(kernel(), heap.handle()));
    }

    boolean isLowFragmentationHeap(PreparedHeap heap) {
        return call(Msg.of("call.lfh", "isLowFragmentationHeap of {0}", heap.name()),
                () -> survey.isLowFragmentationHeap(kernel(), heap.handle()));
    }

    /**
     * How many times the heap is still locked by this thread after the student's code returned, undoing each:
     * HeapUnlock succeeds once per HeapLock still held and fails with ERROR_NOT_LOCKED on a heap nobody holds.
     * Meaningless for a HEAP_NO_SERIALIZE heap, whose HeapUnlock always succeeds.
     */
    int locksLeft(long heap) {
        int n = 0;
        while (n < 64 && kernel().HeapUnlock(heap)) {
            n++;
        }
        return n;
    }

    /** The calls of {@code function} on {@code heap} made by the last call into the student's code. */
    List<KernelCall> calls(String function, long heap) {
        return studentCalls().stream().filter(c -> c.function().equals(function) && !c.arguments().isEmpty()
                && Win32Names.parseHex(c.arguments().get(0)) == heap).toList();
    }

    /** HeapLock, HeapUnlock and HeapWalk calls on {@code heap} made by the last call into the student's code. */
    List<KernelCall> heapCalls(long heap) {
        return studentCalls().stream().filter(c -> List.of("HeapLock", "HeapUnlock", "HeapWalk")
                .contains(c.function()) && !c.arguments().isEmpty() && Win32Names.parseHex(c.arguments().get(0)) == heap)
                .toList();
    }

    /** Every Kernel32 call of this process made by the last call into the student's code. */
    List<KernelCall> studentCalls() {
        List<KernelCall> out = new ArrayList<>();
        for (TraceEvent e : process.machine().inspector().traceSince(mark)) {
            if (e.sequence() > end) {
                break;
            }
            if (e instanceof KernelCall k && k.processId() == process.id()) {
                out.add(k);
            }
        }
        return out;
    }

    private long sequence() {
        return process.machine().inspector().lastSequence();
    }

    /** Evidence: the HeapLock and HeapUnlock calls, and the HeapWalk calls that failed, of the last call. */
    Evidence lockEvidence(long heap) {
        List<KernelCall> shown = heapCalls(heap).stream()
                .filter(c -> !c.function().equals("HeapWalk") || c.failed()).toList();
        return Evidence.calls("HeapLock, HeapUnlock and failed HeapWalk calls on heap " + Win32Names.hex(heap),
                shown);
    }

    // Marks the trace around the student's call, so that calls() sees only the calls it made.
    private <T> T call(Msg what, Supplier<T> action) {
        mark = sequence();
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            // The hint names no failure mode: it is translated by its key alone.
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "The {0} crashed the process: {1}.",
                            what, Win32Names.exception(e.record())))
                    .hint(null, Msg.of("crash.hint", "The heap functions never fault on a valid heap: did the code "
                            + "read memory at an address taken from an entry? A walk only reads the "
                            + "PROCESS_HEAP_ENTRY.")));
        } finally {
            end = sequence();
        }
    }
}

package pagelab.app.desktop.trace;

import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.TraceEvent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run as steps in time: step 0 is the address space before the first event, step {@code i > 0} is the moment
 * right after event {@code i - 1}. Each step knows the snapshot in force then: the latest
 * {@link KernelCall#after()} at or before it (a call that did not change the space keeps the previous picture).
 * Immutable; built from immutable inspection values only, so it can be handed from a worker thread to the EDT.
 */
public final class Timeline {
    private final List<TraceEvent> events;
    private final List<AddressSpaceSnapshot> snapshots;
    private final boolean is64;

    private Timeline(List<TraceEvent> events, List<AddressSpaceSnapshot> snapshots, boolean is64) {
        this.events = events;
        this.snapshots = snapshots;
        this.is64 = is64;
    }

    /**
     * The timeline of {@code events} starting from {@code initial}.
     *
     * @param initial the address space before the first event; if null, the first snapshot in the events is used
     *                (and an empty space if there is none)
     * @param is64    whether addresses print with 16 hex digits
     */
    public static Timeline of(AddressSpaceSnapshot initial, List<? extends TraceEvent> events, boolean is64) {
        List<TraceEvent> evs = List.copyOf(events);
        AddressSpaceSnapshot current = initial != null ? initial : firstSnapshot(evs, is64);
        List<AddressSpaceSnapshot> snaps = new ArrayList<>(evs.size() + 1);
        snaps.add(current);
        for (TraceEvent e : evs) {
            if (e instanceof KernelCall && ((KernelCall) e).after() != null) {
                current = ((KernelCall) e).after();
            }
            snaps.add(current);
        }
        withoutLaterStacks(evs, snaps);
        return new Timeline(evs, List.copyOf(snaps), is64);
    }

    private static final Pattern STACK = Pattern.compile("stack 0x([0-9a-fA-F]+)-0x([0-9a-fA-F]+)");

    /**
     * A run's first picture is often taken once its threads exist, so the steps before a THREAD_CREATED event
     * would show a stack that is not there yet: those steps (the ones still showing that first picture) get it
     * without the allocations inside the new thread's stack range.
     */
    private static AddressSpaceSnapshot without(AddressSpaceSnapshot snap, long lo, long hi) {
        List<Allocation> kept = snap.allocations().stream().filter(a ->
                Long.compareUnsigned(a.base(), lo) < 0 || Long.compareUnsigned(a.base(), hi) >= 0).toList();
        return kept.size() == snap.allocations().size() ? snap
                : new AddressSpaceSnapshot(snap.sequence(), snap.minAddress(), snap.maxAddress(), kept);
    }

    private static void withoutLaterStacks(List<TraceEvent> evs, List<AddressSpaceSnapshot> snaps) {
        AddressSpaceSnapshot first = snaps.get(0);
        for (int i = 0; i < evs.size(); i++) {
            if (!(evs.get(i) instanceof ProcessEvent p) || !"THREAD_CREATED".equals(p.kind())
                    || p.detail() == null) {
                continue;
            }
            Matcher m = STACK.matcher(p.detail());
            if (!m.find()) {
                continue;
            }
            long lo = Long.parseUnsignedLong(m.group(1), 16);
            long hi = Long.parseUnsignedLong(m.group(2), 16);
            // Steps 0..i are the moments before event i (step s follows event s - 1). One replacement per picture,
            // so steps that showed the same picture still do (stepping by change compares pictures by identity).
            Map<AddressSpaceSnapshot, AddressSpaceSnapshot> replaced = new IdentityHashMap<>();
            for (int s = 0; s <= i; s++) {
                AddressSpaceSnapshot snap = snaps.get(s);
                if (snap.sequence() == first.sequence()) {
                    snaps.set(s, replaced.computeIfAbsent(snap, x -> without(x, lo, hi)));
                }
            }
        }
    }

    /** A timeline of one picture and no events, e.g. a check's final address space. */
    public static Timeline single(AddressSpaceSnapshot snapshot, boolean is64) {
        return of(snapshot, List.of(), is64);
    }

    public static Timeline empty() {
        return single(new AddressSpaceSnapshot(0, 0x10000, 0x7FFEFFFFL, List.of()), false);
    }

    private static AddressSpaceSnapshot firstSnapshot(List<TraceEvent> events, boolean is64) {
        for (TraceEvent e : events) {
            if (e instanceof KernelCall && ((KernelCall) e).after() != null) {
                return ((KernelCall) e).after();
            }
        }
        return new AddressSpaceSnapshot(0, 0x10000, is64 ? 0x7FFFFFFEFFFFL : 0x7FFEFFFFL, List.of());
    }

    /** The number of steps: events + 1. */
    public int steps() {
        return snapshots.size();
    }

    public int lastStep() {
        return snapshots.size() - 1;
    }

    public List<TraceEvent> events() {
        return events;
    }

    public boolean is64() {
        return is64;
    }

    /** The address space at {@code step} (clamped to the timeline). */
    public AddressSpaceSnapshot snapshotAt(int step) {
        return snapshots.get(clamp(step));
    }

    /** The event that led to {@code step}, or null at step 0. */
    public TraceEvent eventAt(int step) {
        int s = clamp(step);
        return s == 0 ? null : events.get(s - 1);
    }

    /** The step right after {@code event}, or -1 if the event is not in this timeline. */
    public int stepOf(TraceEvent event) {
        int i = events.indexOf(event);
        return i < 0 ? -1 : i + 1;
    }

    /** The next step after {@code step} at which the address space changed, or the last step. */
    public int nextChange(int step) {
        for (int s = clamp(step) + 1; s < snapshots.size(); s++) {
            if (snapshots.get(s) != snapshots.get(s - 1)) {
                return s;
            }
        }
        return lastStep();
    }

    /** The previous step before {@code step} at which the address space changed, or 0. */
    public int previousChange(int step) {
        for (int s = clamp(step) - 1; s > 0; s--) {
            if (snapshots.get(s) != snapshots.get(s - 1)) {
                return s;
            }
        }
        return 0;
    }

    public int clamp(int step) {
        return Math.max(0, Math.min(step, snapshots.size() - 1));
    }
}

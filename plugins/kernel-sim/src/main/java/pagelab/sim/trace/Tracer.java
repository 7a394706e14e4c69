package pagelab.sim.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The machine's trace: the first {@code capacity} kernel calls, faults and process events, in order, and a count of
 * the events after them. A check or a playground session starts a machine and reads its run from the start (the
 * desktop steps through its first events), so the trace keeps the beginning; once it is full, an event costs only
 * its count: nothing of it is formatted, looked up or snapshotted, and the caller's source line is never sought.
 *
 * <p>An event is recorded in two steps, so that building it (which may take the machine lock for a snapshot) happens
 * outside this trace's monitor: {@link #reserve} hands out its sequence number and slot, {@link #fill} puts it
 * there. Sequence numbers are machine-wide and gap-free, and a slot's index is its sequence number minus one, so
 * events are read in order whatever order their threads fill them in; a reader skips a slot not yet filled.
 * Thread-safe.
 */
public final class Tracer {
    private final int capacity;
    private final List<TraceEvent> events = new ArrayList<>();
    /** Read without the monitor by {@link #keeps}: once true it stays true. */
    private volatile boolean full;
    private final LongAdder dropped = new LongAdder();

    public Tracer(int capacity) {
        this.capacity = capacity;
    }

    /** Whether the next event will be kept: false once the trace is full. No lock. */
    public boolean keeps() {
        return !full;
    }

    /**
     * Whether the next event will be kept; if not, it is counted now, as one the trace had no room for. A caller
     * that gets true records its event with {@link #reserve} (which counts it if the trace filled up meanwhile).
     */
    public boolean admit() {
        if (full) {
            dropped.increment();
            return false;
        }
        return true;
    }

    /** The sequence number of a new event, its slot reserved; 0 if the trace is full (the event is counted). */
    public synchronized long reserve() {
        if (events.size() >= capacity) {
            full = true;
            dropped.increment();
            return 0;
        }
        events.add(null);
        if (events.size() == capacity) {
            full = true;
        }
        return events.size();
    }

    /** Puts an event in the slot {@link #reserve} handed out for its sequence number. */
    public synchronized void fill(TraceEvent event) {
        int slot = (int) event.sequence() - 1;
        if (slot < 0 || slot >= events.size() || events.get(slot) != null) {
            throw new IllegalStateException("Tracer.fill: no reserved slot for event " + event.sequence());
        }
        events.set(slot, event);
    }

    /** Every event kept, in order. */
    public synchronized List<TraceEvent> all() {
        return since(0);
    }

    /** The events kept after sequence number {@code after} (exclusive), in order. */
    public synchronized List<TraceEvent> since(long after) {
        List<TraceEvent> out = new ArrayList<>();
        for (int i = (int) Math.max(0, Math.min(after, events.size())); i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized List<TraceEvent> ofProcess(int pid) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e != null && e.processId() == pid) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many events came after the trace was full: counted, not kept. */
    public long dropped() {
        return dropped.sum();
    }

    /** The sequence number of the last event kept (0 before any). */
    public synchronized long lastSequence() {
        return events.size();
    }
}

package pagelab.sim.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The machine's trace: every kernel call, fault and process event in order, in a ring of bounded size.
 * Sequence numbers are handed out here, so they are gap-free and machine-wide. Thread-safe.
 */
public final class Tracer {
    private final int capacity;
    private final ArrayDeque<TraceEvent> events = new ArrayDeque<>();
    private long sequence;
    private long dropped;

    public Tracer(int capacity) {
        this.capacity = capacity;
    }

    /** The number the next event will get. */
    public synchronized long nextSequence() {
        return ++sequence;
    }

    public synchronized void add(TraceEvent event) {
        if (events.size() >= capacity) {
            events.removeFirst();
            dropped++;
        }
        events.addLast(event);
    }

    public synchronized List<TraceEvent> all() {
        return List.copyOf(events);
    }

    public synchronized List<TraceEvent> since(long after) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.sequence() > after) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized List<TraceEvent> ofProcess(int pid) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.processId() == pid) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized long lastSequence() {
        return sequence;
    }
}

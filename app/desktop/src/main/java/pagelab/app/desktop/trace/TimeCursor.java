package pagelab.app.desktop.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The time position shared by the memory map, the trace table and the fault explainer: a timeline and the
 * step currently shown. Use on the event-dispatch thread only; listeners run after every change.
 */
public final class TimeCursor {
    private final List<Runnable> listeners = new ArrayList<>();
    private Timeline timeline = Timeline.empty();
    private int step;

    public Timeline timeline() {
        return timeline;
    }

    public int step() {
        return step;
    }

    /** Shows {@code value} at its last step (the end of the run). */
    public void setTimeline(Timeline value) {
        timeline = value;
        step = value.lastStep();
        fire();
    }

    /** Moves to {@code value}, clamped to the timeline; no-op if already there. */
    public void setStep(int value) {
        int s = timeline.clamp(value);
        if (s != step) {
            step = s;
            fire();
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}

package pagelab.sim.seh;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's SEH state: its active {@code __try/__except} frames (innermost last), how far an exception raised
 * inside a filter may search (only frames outside the filter's own), and the stack of termination handlers
 * being run (for {@code AbnormalTermination()}). Only the owning thread touches it.
 */
public final class SehChain {
    final List<SehFrame> frames = new ArrayList<>();
    /** Frames at index >= this are not searched: an exception in a filter searches only the frames outside it. */
    int searchLimit = Integer.MAX_VALUE;
    final List<Boolean> terminations = new ArrayList<>();

    public int depth() {
        return frames.size();
    }
}

package pagelab.sim.seh;

import pagelab.kernel.ExceptionFilter;
import pagelab.kernel.inspect.SourceLocation;

/** One active {@code __try/__except} of a thread: its filter and where it was entered. */
public final class SehFrame {
    final ExceptionFilter filter;
    final SourceLocation location;

    SehFrame(ExceptionFilter filter, SourceLocation location) {
        this.filter = filter;
        this.location = location;
    }

    @Override
    public String toString() {
        return "__try at " + location;
    }
}

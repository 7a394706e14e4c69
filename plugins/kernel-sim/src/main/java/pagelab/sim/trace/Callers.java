package pagelab.sim.trace;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pagelab.kernel.inspect.SourceLocation;

/**
 * Finds the Java line that called into the kernel: the first stack frame outside the kernel and the JDK. A stack
 * walk costs about a microsecond, so it is made only for an event the trace keeps (see {@link Tracer}).
 */
public final class Callers {
    /** The first frame outside the kernel is a dozen or so frames down: sized so that one batch of frames holds it. */
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), 16);
    /**
     * One location object per source line seen: a traced loop calls the kernel from the same few lines thousands of
     * times, and each walk returns fresh strings for the method and file names. Bounded, since lines are many only
     * in a host that runs program after program.
     */
    private static final Map<SourceLocation, SourceLocation> SEEN = new ConcurrentHashMap<>();
    private static final int MAX_SEEN = 4096;

    private Callers() {
    }

    public static SourceLocation caller() {
        SourceLocation found = WALKER.walk(s -> s.filter(Callers::isUserFrame).findFirst())
                .map(f -> new SourceLocation(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(SourceLocation.UNKNOWN);
        if (SEEN.size() >= MAX_SEEN) {
            SEEN.clear();
        }
        SourceLocation known = SEEN.putIfAbsent(found, found);
        return known != null ? known : found;
    }

    private static boolean isUserFrame(StackWalker.StackFrame f) {
        String c = f.getClassName();
        return !(c.startsWith("pagelab.sim.") || c.startsWith("pagelab.kernel.") || c.startsWith("java.")
                || c.startsWith("jdk.") || c.startsWith("sun."));
    }
}

package pagelab.sim.trace;

import java.util.Optional;
import pagelab.kernel.inspect.SourceLocation;

/** Finds the Java line that called into the kernel: the first stack frame outside the kernel and the JDK. */
public final class Callers {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private Callers() {
    }

    public static SourceLocation caller() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s.filter(Callers::isUserFrame).findFirst());
        return frame.map(f -> new SourceLocation(f.getClassName(), f.getMethodName(), f.getFileName(),
                f.getLineNumber())).orElse(SourceLocation.UNKNOWN);
    }

    private static boolean isUserFrame(StackWalker.StackFrame f) {
        String c = f.getClassName();
        return !(c.startsWith("pagelab.sim.") || c.startsWith("pagelab.kernel.") || c.startsWith("java.")
                || c.startsWith("jdk.") || c.startsWith("sun."));
    }
}

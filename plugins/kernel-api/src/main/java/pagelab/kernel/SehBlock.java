package pagelab.kernel;

/** The body of a {@code __try} block, or of a {@code __finally} termination handler. */
@FunctionalInterface
public interface SehBlock {
    void run();
}

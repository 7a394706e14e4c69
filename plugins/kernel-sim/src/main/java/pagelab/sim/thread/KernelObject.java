package pagelab.sim.thread;

/** Anything a handle can refer to: a thread, a file, a file-mapping object. */
public interface KernelObject {
    /** The object type's name as WinObj shows it, e.g. {@code Thread}, {@code Section}, {@code File}. */
    String typeName();

    /** Called when the last handle to the object is closed. */
    default void lastHandleClosed() {
    }
}

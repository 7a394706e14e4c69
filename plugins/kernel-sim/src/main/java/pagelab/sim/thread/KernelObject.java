package pagelab.sim.thread;

/**
 * Anything a handle can refer to: a thread, a file, a file-mapping object. Counts the handles and views that keep
 * it alive, in any process; when the last goes, the object is destroyed (a named one leaves the namespace).
 */
public abstract class KernelObject {
    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();

    /** A number no other object of the JVM has: how an inspector tells that two handles name one object. */
    private final long serial = SERIAL.incrementAndGet();
    private int references;
    private int handles;
    private boolean destroyed;

    public final long serial() {
        return serial;
    }

    /** The object type's name as WinObj shows it, e.g. {@code Thread}, {@code Section}, {@code File}. */
    public abstract String typeName();

    public final synchronized void retain() {
        if (destroyed) {
            throw new IllegalStateException("KernelObject.retain: " + typeName() + " already destroyed");
        }
        references++;
    }

    /** Drops one reference; the last one destroys the object. */
    public final void release() {
        boolean last;
        synchronized (this) {
            if (references <= 0) {
                throw new IllegalStateException("KernelObject.release: " + typeName() + " has no reference");
            }
            last = --references == 0;
            destroyed = last;
        }
        if (last) {
            destroyed();
        }
    }

    /** A handle now refers to the object (it holds a reference too: call {@link #retain} as well). */
    public final synchronized void retainHandle() {
        handles++;
    }

    /** A handle to the object was closed; when it was the last, {@link #lastHandleClosed} runs. */
    public final void releaseHandle() {
        boolean last;
        synchronized (this) {
            last = --handles == 0;
        }
        if (last) {
            lastHandleClosed();
        }
    }

    /** Called when the last handle is closed, whether or not other references (views) remain. */
    protected void lastHandleClosed() {
    }

    public final synchronized int references() {
        return references;
    }

    /** Called once, when the last reference is dropped. */
    protected void destroyed() {
    }
}

package pagelab.sim.thread;

import java.util.HashMap;
import java.util.Map;

/**
 * A process's handle table. Handle values are multiples of 4 starting at 4, as on Windows; 0 and -1 are never
 * handles. Each handle holds a reference to its object and the access it was opened with. Thread-safe.
 */
public final class HandleTable {
    /** An open handle: the object and the access rights granted when it was opened. */
    public record Entry(KernelObject object, int access) {
    }

    private final Map<Long, Entry> handles = new HashMap<>();
    private long next = 4;

    public long add(KernelObject object) {
        return add(object, -1);
    }

    public long add(KernelObject object, int access) {
        object.retain();
        object.retainHandle();
        synchronized (this) {
            long h = next;
            next += 4;
            handles.put(h, new Entry(object, access));
            return h;
        }
    }

    /** The object behind a handle, or null if the handle is not open. */
    public synchronized KernelObject get(long handle) {
        Entry e = handles.get(handle);
        return e == null ? null : e.object();
    }

    public synchronized Entry entry(long handle) {
        return handles.get(handle);
    }

    /** Closes a handle; false if it was not open. */
    public boolean close(long handle) {
        Entry e;
        synchronized (this) {
            e = handles.remove(handle);
        }
        if (e == null) {
            return false;
        }
        e.object().releaseHandle();
        e.object().release();
        return true;
    }

    /** Closes every handle (process exit). */
    public void closeAll() {
        Long[] open;
        synchronized (this) {
            open = handles.keySet().toArray(new Long[0]);
        }
        for (Long h : open) {
            close(h);
        }
    }

    public synchronized int count() {
        return handles.size();
    }
}

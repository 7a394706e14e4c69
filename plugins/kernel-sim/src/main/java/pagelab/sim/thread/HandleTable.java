package pagelab.sim.thread;

import java.util.HashMap;
import java.util.Map;

/**
 * A process's handle table. Handle values are multiples of 4 starting at 4, as on Windows; 0 and -1 are never
 * handles. Thread-safe.
 */
public final class HandleTable {
    private final Map<Long, KernelObject> handles = new HashMap<>();
    private long next = 4;

    public synchronized long add(KernelObject object) {
        long h = next;
        next += 4;
        handles.put(h, object);
        return h;
    }

    /** The object behind a handle, or null if the handle is not open. */
    public synchronized KernelObject get(long handle) {
        return handles.get(handle);
    }

    /** Closes a handle; false if it was not open. */
    public boolean close(long handle) {
        KernelObject object;
        boolean last;
        synchronized (this) {
            object = handles.remove(handle);
            if (object == null) {
                return false;
            }
            last = !handles.containsValue(object);
        }
        if (last) {
            object.lastHandleClosed();
        }
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

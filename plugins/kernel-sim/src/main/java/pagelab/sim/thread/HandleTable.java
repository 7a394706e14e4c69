package pagelab.sim.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's handle table. Handle values are multiples of 4 starting at 4, as on Windows; 0 and -1 are never
 * handles. Each handle holds a reference to its object, the access it was opened with (-1: all) and its attribute
 * flags ({@code HANDLE_FLAG_INHERIT}, {@code HANDLE_FLAG_PROTECT_FROM_CLOSE}). A value is meaningful in its own table
 * only: the same number may name another object, or nothing, in another process. Thread-safe.
 */
public final class HandleTable {
    /** {@code HANDLE_FLAG_INHERIT}: CreateProcess with bInheritHandles copies the handle into the child. */
    public static final int INHERIT = 1;
    /** {@code HANDLE_FLAG_PROTECT_FROM_CLOSE}: CloseHandle fails and leaves the handle open. */
    public static final int PROTECT_FROM_CLOSE = 2;

    /** An open handle: the object, the access rights granted when it was opened, its attribute flags. */
    public record Entry(KernelObject object, int access, int flags) {
        public Entry(KernelObject object, int access) {
            this(object, access, 0);
        }

        public boolean inheritable() {
            return (flags & INHERIT) != 0;
        }
    }

    /** Why {@link #close} did not close a handle. */
    public enum CloseResult { CLOSED, NOT_OPEN, PROTECTED }

    private final Map<Long, Entry> handles = new HashMap<>();
    private long next = 4;

    public long add(KernelObject object) {
        return add(object, -1, 0);
    }

    public long add(KernelObject object, int access) {
        return add(object, access, 0);
    }

    public long add(KernelObject object, int access, int flags) {
        object.retain();
        object.retainHandle();
        synchronized (this) {
            while (handles.containsKey(next)) {
                next += 4;
            }
            long h = next;
            next += 4;
            handles.put(h, new Entry(object, access, flags));
            return h;
        }
    }

    /**
     * Puts a copy of an inherited handle at the value it has in the parent (CreateProcess with bInheritHandles). The
     * table must be the new process's, still without handles of its own at that value.
     */
    public void inherit(long value, Entry parent) {
        parent.object().retain();
        parent.object().retainHandle();
        synchronized (this) {
            if (handles.putIfAbsent(value, parent) != null) {
                throw new IllegalStateException("HandleTable.inherit: value " + value + " is taken");
            }
        }
    }

    /** Every open handle, by value, in value order. */
    public synchronized Map<Long, Entry> snapshot() {
        return new java.util.TreeMap<>(handles);
    }

    /** The handles marked inheritable, by value, in value order. */
    public synchronized Map<Long, Entry> inheritable() {
        Map<Long, Entry> out = new java.util.TreeMap<>();
        handles.forEach((h, e) -> {
            if (e.inheritable()) {
                out.put(h, e);
            }
        });
        return out;
    }

    /** The object behind a handle, or null if the handle is not open. */
    public synchronized KernelObject get(long handle) {
        Entry e = handles.get(handle);
        return e == null ? null : e.object();
    }

    public synchronized Entry entry(long handle) {
        return handles.get(handle);
    }

    /** Sets the flags selected by {@code mask} to their values in {@code flags}; false if the handle is not open. */
    public synchronized boolean setFlags(long handle, int mask, int flags) {
        Entry e = handles.get(handle);
        if (e == null) {
            return false;
        }
        int m = mask & (INHERIT | PROTECT_FROM_CLOSE);
        handles.put(handle, new Entry(e.object(), e.access(), (e.flags() & ~m) | (flags & m)));
        return true;
    }

    /** Closes a handle; false if it was not open or is protected from close. */
    public boolean close(long handle) {
        return closeHandle(handle) == CloseResult.CLOSED;
    }

    /** Closes a handle unless it is not open or is protected from close (CloseHandle, DUPLICATE_CLOSE_SOURCE). */
    public CloseResult closeHandle(long handle) {
        Entry e;
        synchronized (this) {
            e = handles.get(handle);
            if (e == null) {
                return CloseResult.NOT_OPEN;
            }
            if ((e.flags() & PROTECT_FROM_CLOSE) != 0) {
                return CloseResult.PROTECTED;
            }
            handles.remove(handle);
        }
        drop(e);
        return CloseResult.CLOSED;
    }

    private static void drop(Entry e) {
        e.object().releaseHandle();
        e.object().release();
    }

    /** Closes every handle, protected ones too (process exit). */
    public void closeAll() {
        List<Entry> open;
        synchronized (this) {
            open = new ArrayList<>(handles.values());
            handles.clear();
        }
        for (Entry e : open) {
            drop(e);
        }
    }

    public synchronized int count() {
        return handles.size();
    }
}

import static pagelab.kernel.WinNT.*;

import java.util.BitSet;
import pagelab.exercises.sparsemapping.SparseSection;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;

/**
 * Known-wrong solution "remembers-own-commits": keeps its own set of committed pages, so it never sees pages
 * another process committed.
 */
public class SparseFile implements SparseSection {
    private static final int PAGE = 4096;

    private Kernel32 kernel;
    private Memory memory;
    private long section;
    private long view;
    // MISTAKE: "I know what I committed": a per-process record of a per-section fact.
    private final BitSet mine = new BitSet();

    @Override
    public boolean create(Kernel32 kernel, Memory memory) {
        // SEC_RESERVE: the section reserves SIZE bytes of the paging file's address range but commits nothing.
        long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | SEC_RESERVE, 0, (int) SIZE,
                NAME);
        return h != 0 && mapView(kernel, memory, h);
    }

    @Override
    public boolean attach(Kernel32 kernel, Memory memory) {
        long h = kernel.OpenFileMapping(FILE_MAP_READ | FILE_MAP_WRITE, false, NAME);
        return h != 0 && mapView(kernel, memory, h);
    }

    private boolean mapView(Kernel32 kernel, Memory memory, long h) {
        long v = kernel.MapViewOfFile(h, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
        if (v == 0) {
            kernel.CloseHandle(h);
            return false;
        }
        this.kernel = kernel;
        this.memory = memory;
        this.section = h;
        this.view = v;
        return true;
    }

    @Override
    public long view() {
        return view;
    }

    @Override
    public boolean put(int index, byte[] data) {
        if (view == 0 || index < 0 || index >= RECORDS || data == null || data.length > RECORD) {
            return false;
        }
        long record = view + (long) index * RECORD;
        // Committing inside a SEC_RESERVE view commits the section's page, for every process that maps it.
        if (!committed(record) && kernel.VirtualAlloc(record, RECORD, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return false;
        }
        mine.set((int) ((record - view) / PAGE));
        memory.write(record, data, 0, data.length);
        memory.setMemory(record + data.length, RECORD - data.length, (byte) 0);
        return true;
    }

    @Override
    public byte[] get(int index) {
        if (view == 0 || index < 0 || index >= RECORDS) {
            return null;
        }
        long record = view + (long) index * RECORD;
        byte[] data = new byte[RECORD];
        // Ask the kernel, not a private record: another process may have committed the page.
        if (committed(record)) {
            memory.read(record, data, 0, RECORD);
        }
        return data;
    }

    @Override
    public void close() {
        if (view != 0) {
            kernel.UnmapViewOfFile(view);
            kernel.CloseHandle(section);
            view = 0;
            section = 0;
        }
    }

    private boolean committed(long address) {
        return mine.get((int) ((address - view) / PAGE));
    }
}

import static pagelab.kernel.WinNT.*;

import pagelab.exercises.sparsemapping.SparseSection;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;

/**
 // BEGIN SOLUTION
 * The reference solution: a SEC_RESERVE section whose pages are committed with VirtualAlloc inside the view; whether
 * a page is committed is asked of VirtualQuery, because another process may have committed it.
 // INSTEAD
 //> * Records in a SEC_RESERVE section, committed page by page inside the view.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class SparseFile implements SparseSection {
    // BEGIN SOLUTION
    private static final int PAGE = 4096;

    // END SOLUTION
    private Kernel32 kernel;
    private Memory memory;
    private long section;
    private long view;
    // BEGIN WRONG remembers-own-commits
    // INSTEAD
    // MISTAKE: "I know what I committed": a per-process record of a per-section fact.
    //> private final java.util.BitSet mine = new java.util.BitSet();
    // END WRONG

    // tag::create[]
    @Override
    public boolean create(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        // BEGIN WRONG sec-commit
        // SEC_RESERVE: the section reserves SIZE bytes of the paging file's address range but commits nothing.
        long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | SEC_RESERVE, 0, (int) SIZE,
        // INSTEAD
        // MISTAKE: without SEC_RESERVE the section is SEC_COMMIT: all of it is charged at once.
        //> long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, (int) SIZE,
        // END WRONG
                NAME);
        return h != 0 && mapView(kernel, memory, h);
        // INSTEAD
        //> this.kernel = kernel;
        //> this.memory = memory;
        // TODO: CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | SEC_RESERVE, 0, SIZE, NAME),
        //       then MapViewOfFile(..., FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0). Commit nothing.
        //> return false;
        // END SOLUTION
    }
    // end::create[]

    @Override
    public boolean attach(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        long h = kernel.OpenFileMapping(FILE_MAP_READ | FILE_MAP_WRITE, false, NAME);
        return h != 0 && mapView(kernel, memory, h);
        // INSTEAD
        //> this.kernel = kernel;
        //> this.memory = memory;
        // TODO: OpenFileMapping(FILE_MAP_READ | FILE_MAP_WRITE, false, NAME) and map a view of all of it.
        //> return false;
        // END SOLUTION
    }
    // BEGIN SOLUTION

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
    // END SOLUTION

    @Override
    public long view() {
        return view;
    }

    // tag::put[]
    @Override
    public boolean put(int index, byte[] data) {
        // BEGIN SOLUTION
        if (view == 0 || index < 0 || index >= RECORDS || data == null || data.length > RECORD) {
            return false;
        }
        long record = view + (long) index * RECORD;
        // Committing inside a SEC_RESERVE view commits the section's page, for every process that maps it.
        if (!committed(record) && kernel.VirtualAlloc(record, RECORD, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return false;
        }
        // BEGIN WRONG remembers-own-commits
        // INSTEAD
        //> mine.set((int) ((record - view) / PAGE));
        // END WRONG
        memory.write(record, data, 0, data.length);
        memory.setMemory(record + data.length, RECORD - data.length, (byte) 0);
        return true;
        // INSTEAD
        // TODO: check the arguments; the record lives at view + index * RECORD.
        // TODO: if its page is not committed (VirtualQuery: State), commit it with
        //       VirtualAlloc(record, RECORD, MEM_COMMIT, PAGE_READWRITE); return false if that fails.
        // TODO: write data and zero the rest of the record.
        //> return false;
        // END SOLUTION
    }
    // end::put[]

    @Override
    public byte[] get(int index) {
        // BEGIN SOLUTION
        if (view == 0 || index < 0 || index >= RECORDS) {
            return null;
        }
        long record = view + (long) index * RECORD;
        byte[] data = new byte[RECORD];
        // BEGIN WRONG reads-commit
        // Ask the kernel, not a private record: another process may have committed the page.
        if (committed(record)) {
        // INSTEAD
        // MISTAKE: commit before reading; an unused record costs a page of the paging file.
        //> if (kernel.VirtualAlloc(record, RECORD, MEM_COMMIT, PAGE_READWRITE) != 0) {
        // END WRONG
            memory.read(record, data, 0, RECORD);
        }
        return data;
        // INSTEAD
        // TODO: RECORD zeros if the page is not committed (ask VirtualQuery: another process may have committed
        //       it), else read the record. Never commit here.
        //> return null;
        // END SOLUTION
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        if (view != 0) {
            // BEGIN WRONG closes-handle-only
            kernel.UnmapViewOfFile(view);
            // INSTEAD
            // MISTAKE: the handle is closed, the 16 MiB view stays mapped (and keeps the section alive).
            // END WRONG
            kernel.CloseHandle(section);
            view = 0;
            section = 0;
        }
        // INSTEAD
        // TODO: UnmapViewOfFile(view), CloseHandle(section).
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private boolean committed(long address) {
        // BEGIN WRONG remembers-own-commits
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        return kernel.VirtualQuery(address & ~(long) (PAGE - 1), mbi) != 0 && mbi.State == MEM_COMMIT;
        // INSTEAD
        //> return mine.get((int) ((address - view) / PAGE));
        // END WRONG
    }
    // END SOLUTION
}

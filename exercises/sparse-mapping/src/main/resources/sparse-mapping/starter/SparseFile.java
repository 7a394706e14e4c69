import static pagelab.kernel.WinNT.*;

import pagelab.exercises.sparsemapping.SparseSection;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;

/**
 * Records in a SEC_RESERVE section, committed page by page inside the view.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class SparseFile implements SparseSection {
    private Kernel32 kernel;
    private Memory memory;
    private long section;
    private long view;

    @Override
    public boolean create(Kernel32 kernel, Memory memory) {
        this.kernel = kernel;
        this.memory = memory;
        // TODO: CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | SEC_RESERVE, 0, SIZE, NAME),
        //       then MapViewOfFile(..., FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0). Commit nothing.
        return false;
    }

    @Override
    public boolean attach(Kernel32 kernel, Memory memory) {
        this.kernel = kernel;
        this.memory = memory;
        // TODO: OpenFileMapping(FILE_MAP_READ | FILE_MAP_WRITE, false, NAME) and map a view of all of it.
        return false;
    }

    @Override
    public long view() {
        return view;
    }

    @Override
    public boolean put(int index, byte[] data) {
        // TODO: check the arguments; the record lives at view + index * RECORD.
        // TODO: if its page is not committed (VirtualQuery: State), commit it with
        //       VirtualAlloc(record, RECORD, MEM_COMMIT, PAGE_READWRITE); return false if that fails.
        // TODO: write data and zero the rest of the record.
        return false;
    }

    @Override
    public byte[] get(int index) {
        // TODO: RECORD zeros if the page is not committed (ask VirtualQuery: another process may have committed
        //       it), else read the record. Never commit here.
        return null;
    }

    @Override
    public void close() {
        // TODO: UnmapViewOfFile(view), CloseHandle(section).
    }
}

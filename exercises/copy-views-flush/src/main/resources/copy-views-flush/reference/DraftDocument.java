import static pagelab.kernel.WinNT.FILE_ATTRIBUTE_NORMAL;
import static pagelab.kernel.WinNT.FILE_MAP_COPY;
import static pagelab.kernel.WinNT.FILE_MAP_WRITE;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.OPEN_EXISTING;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import pagelab.exercises.copyviewsflush.Document;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 // BEGIN SOLUTION
 * The reference solution: one mapping, a FILE_MAP_COPY draft and a FILE_MAP_WRITE live view; save copies into the
 * live view and flushes that range; revert maps the draft afresh.
 // INSTEAD
 //> * A document with a private draft (FILE_MAP_COPY) and a live view (FILE_MAP_WRITE) of one file mapping.
 //> * Read the instructions first; each TODO names the Win32 calls to make.
 // END SOLUTION
 */
public class DraftDocument implements Document {
    private Kernel32 kernel;
    private Memory memory;
    private long hFile = INVALID_HANDLE_VALUE;
    private long hMapping;
    private long draft;
    private long live;

    @Override
    public boolean open(Kernel32 kernel, Memory memory, String path) {
        this.kernel = kernel;
        this.memory = memory;
        // BEGIN SOLUTION
        hFile = kernel.CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, 0);
        if (hFile == INVALID_HANDLE_VALUE) {
            return false;
        }
        // PAGE_READWRITE allows both kinds of view: FILE_MAP_WRITE and FILE_MAP_COPY.
        hMapping = kernel.CreateFileMapping(hFile, null, PAGE_READWRITE, 0, 0, null);
        if (hMapping != 0) {
            // BEGIN WRONG draft-is-write-view
            draft = kernel.MapViewOfFile(hMapping, FILE_MAP_COPY, 0, 0, 0);
            // INSTEAD
            // MISTAKE: the draft is just another writable view: every edit is the file's at once.
            //> draft = kernel.MapViewOfFile(hMapping, FILE_MAP_WRITE, 0, 0, 0);
            // END WRONG
            live = kernel.MapViewOfFile(hMapping, FILE_MAP_WRITE, 0, 0, 0);
        }
        if (draft == 0 || live == 0) {
            close();
            return false;
        }
        return true;
        // INSTEAD
        // TODO: CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
        //       CreateFileMapping(hFile, NULL, PAGE_READWRITE, 0, 0, NULL) for the whole file;
        //       two views of all of it (MapViewOfFile): the draft with FILE_MAP_COPY, the live view with
        //       FILE_MAP_WRITE. On any failure undo what was done and return false.
        //> return false;
        // END SOLUTION
    }

    @Override
    public long draft() {
        return draft;
    }

    @Override
    public long live() {
        return live;
    }

    @Override
    public boolean save(long offset, long length) {
        // BEGIN SOLUTION
        // BEGIN WRONG no-flush, flushes-draft, saves-whole-view
        // The live view's pages are the file's: every view sees the bytes now. FlushViewOfFile writes the dirty
        // pages of the range to disk now rather than whenever the lazy writer gets to them.
        memory.copy(live + offset, draft + offset, length);
        return kernel.FlushViewOfFile(live + offset, length);
        // INSTEAD no-flush
        // MISTAKE: the bytes are in the file's pages, but nothing asks for them to be written to disk.
        //> memory.copy(live + offset, draft + offset, length);
        //> return true;
        // INSTEAD flushes-draft
        // MISTAKE: "flush the draft to the file": a copy-on-write view's private pages are never written back.
        //> return kernel.FlushViewOfFile(draft + offset, length);
        // INSTEAD saves-whole-view
        // MISTAKE: copies the whole draft, so unsaved edits elsewhere are saved too.
        //> pagelab.kernel.LongByReference size = new pagelab.kernel.LongByReference();
        //> kernel.GetFileSizeEx(hFile, size);
        //> memory.copy(live, draft, size.getValue());
        //> return kernel.FlushViewOfFile(live, 0);
        // END WRONG
        // INSTEAD
        // TODO: copy the bytes from the draft into the live view (memory.copy), then FlushViewOfFile on the live
        //       view's range.
        //> return false;
        // END SOLUTION
    }

    @Override
    public boolean revert() {
        // BEGIN SOLUTION
        // BEGIN WRONG revert-by-flush
        // Unmapping a copy-on-write view throws its private pages away; a new view shows the file as it is now.
        if (!kernel.UnmapViewOfFile(draft)) {
            return false;
        }
        draft = kernel.MapViewOfFile(hMapping, FILE_MAP_COPY, 0, 0, 0);
        return draft != 0;
        // INSTEAD
        // MISTAKE: "flush the draft back": FlushViewOfFile writes file pages to disk and leaves private copies be.
        //> return kernel.FlushViewOfFile(draft, 0);
        // END WRONG
        // INSTEAD
        // TODO: a copy-on-write view's private pages go when it is unmapped: UnmapViewOfFile the draft and map a
        //       new FILE_MAP_COPY view.
        //> return false;
        // END SOLUTION
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        // BEGIN WRONG leaks-draft
        if (draft != 0) {
            kernel.UnmapViewOfFile(draft); // the unsaved edits go with it
        }
        // INSTEAD
        // MISTAKE: the draft view is forgotten, not unmapped.
        // END WRONG
        if (live != 0) {
            kernel.UnmapViewOfFile(live);
        }
        if (hMapping != 0) {
            kernel.CloseHandle(hMapping);
        }
        if (hFile != INVALID_HANDLE_VALUE) {
            kernel.CloseHandle(hFile);
        }
        // INSTEAD
        // TODO: UnmapViewOfFile both views, then CloseHandle the mapping and the file.
        // END SOLUTION
        draft = 0;
        live = 0;
        hMapping = 0;
        hFile = INVALID_HANDLE_VALUE;
    }
}

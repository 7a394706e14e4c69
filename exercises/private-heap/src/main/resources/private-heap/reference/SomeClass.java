import pagelab.exercises.privateheap.ClassHeap;
import pagelab.kernel.Kernel32;

/**
 // BEGIN SOLUTION
 * The reference solution, after the book's CSomeClass: the heap is created by the first operator new and destroyed
 * by the operator delete that frees the last object.
 // INSTEAD
 //> * The book's CSomeClass: all its objects in a heap of their own.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class SomeClass implements ClassHeap {
    private long s_hHeap;             // static HANDLE s_hHeap
    private int s_uNumAllocsInHeap;   // static UINT s_uNumAllocsInHeap

    // tag::new[]
    @Override
    public long allocate(Kernel32 kernel) {
        // BEGIN SOLUTION
        // BEGIN WRONG heap-per-object
        if (s_hHeap == 0) {
            // The first object of the class: create its heap (growable, no initial commitment asked).
            s_hHeap = kernel.HeapCreate(0, 0, 0);
            if (s_hHeap == 0) {
                return 0;
            }
        }
        // INSTEAD
        //> {
            // MISTAKE: a fresh heap for every object (the previous handle is simply overwritten).
            //> s_hHeap = kernel.HeapCreate(0, 0, 0);
            //> if (s_hHeap == 0) {
                //> return 0;
            //> }
        //> }
        // END WRONG
        long p = kernel.HeapAlloc(s_hHeap, 0, OBJECT_SIZE);
        if (p != 0) {
            s_uNumAllocsInHeap++;
        } else if (s_uNumAllocsInHeap == 0) {
            // Nothing lives in the heap we just made: do not leave it behind.
            kernel.HeapDestroy(s_hHeap);
            s_hHeap = 0;
        }
        return p;
        // INSTEAD
        // TODO: if there is no heap yet, create it: HeapCreate(0, 0, 0). Return 0 if that fails.
        // TODO: HeapAlloc(s_hHeap, 0, OBJECT_SIZE); count the object if it succeeded.
        //> return kernel.HeapAlloc(kernel.GetProcessHeap(), 0, OBJECT_SIZE);
        // END SOLUTION
    }
    // end::new[]

    // tag::delete[]
    @Override
    public void free(Kernel32 kernel, long object) {
        // BEGIN SOLUTION
        if (object == 0 || s_hHeap == 0) {
            return;
        }
        // BEGIN WRONG never-destroys
        // BEGIN WRONG destroys-on-first-delete, frees-to-process-heap
        if (kernel.HeapFree(s_hHeap, 0, object) && --s_uNumAllocsInHeap == 0) {
        // INSTEAD destroys-on-first-delete
        // MISTAKE: no count is kept: every delete destroys the heap, and the other objects with it.
        //> if (kernel.HeapFree(s_hHeap, 0, object)) {
        // INSTEAD frees-to-process-heap
        // MISTAKE: "HeapFree is HeapFree": the block belongs to s_hHeap, not to GetProcessHeap().
        //> kernel.HeapFree(kernel.GetProcessHeap(), 0, object);
        //> if (--s_uNumAllocsInHeap == 0) {
        // END WRONG
            // The last object is gone: the whole heap goes, and with it every page it held.
            kernel.HeapDestroy(s_hHeap);
            // BEGIN WRONG keeps-stale-handle
            s_hHeap = 0;
            // INSTEAD
            // MISTAKE: destroys the heap but keeps its handle, so the next new allocates from a heap that is gone.
            // END WRONG
        // INSTEAD
        // MISTAKE: the heap outlives the last object ("it will be needed again anyway").
        //> if (kernel.HeapFree(s_hHeap, 0, object)) {
            //> s_uNumAllocsInHeap--;
        // END WRONG
        }
        // INSTEAD
        // TODO: HeapFree(s_hHeap, 0, object); when the count drops to 0, HeapDestroy(s_hHeap) and forget the handle.
        //> kernel.HeapFree(kernel.GetProcessHeap(), 0, object);
        // END SOLUTION
    }
    // end::delete[]

    @Override
    public long heap() {
        return s_hHeap;
    }
}

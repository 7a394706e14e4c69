import pagelab.exercises.privateheap.ClassHeap;
import pagelab.kernel.Kernel32;

/**
 * Known-wrong solution "destroys-on-first-delete": destroys the heap in every operator delete, whatever still lives
 * in it.
 */
public class SomeClass implements ClassHeap {
    private long s_hHeap;             // static HANDLE s_hHeap
    private int s_uNumAllocsInHeap;   // static UINT s_uNumAllocsInHeap

    @Override
    public long allocate(Kernel32 kernel) {
        if (s_hHeap == 0) {
            // The first object of the class: create its heap (growable, no initial commitment asked).
            s_hHeap = kernel.HeapCreate(0, 0, 0);
            if (s_hHeap == 0) {
                return 0;
            }
        }
        long p = kernel.HeapAlloc(s_hHeap, 0, OBJECT_SIZE);
        if (p != 0) {
            s_uNumAllocsInHeap++;
        } else if (s_uNumAllocsInHeap == 0) {
            // Nothing lives in the heap we just made: do not leave it behind.
            kernel.HeapDestroy(s_hHeap);
            s_hHeap = 0;
        }
        return p;
    }

    @Override
    public void free(Kernel32 kernel, long object) {
        if (object == 0 || s_hHeap == 0) {
            return;
        }
        // MISTAKE: no count is kept: every delete destroys the heap, and the other objects with it.
        if (kernel.HeapFree(s_hHeap, 0, object)) {
            // The last object is gone: the whole heap goes, and with it every page it held.
            kernel.HeapDestroy(s_hHeap);
            s_hHeap = 0;
        }
    }

    @Override
    public long heap() {
        return s_hHeap;
    }
}

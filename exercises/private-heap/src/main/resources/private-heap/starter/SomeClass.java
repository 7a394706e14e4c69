import pagelab.exercises.privateheap.ClassHeap;
import pagelab.kernel.Kernel32;

/**
 * The book's CSomeClass: all its objects in a heap of their own.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class SomeClass implements ClassHeap {
    private long s_hHeap;             // static HANDLE s_hHeap
    private int s_uNumAllocsInHeap;   // static UINT s_uNumAllocsInHeap

    @Override
    public long allocate(Kernel32 kernel) {
        // TODO: if there is no heap yet, create it: HeapCreate(0, 0, 0). Return 0 if that fails.
        // TODO: HeapAlloc(s_hHeap, 0, OBJECT_SIZE); count the object if it succeeded.
        return kernel.HeapAlloc(kernel.GetProcessHeap(), 0, OBJECT_SIZE);
    }

    @Override
    public void free(Kernel32 kernel, long object) {
        // TODO: HeapFree(s_hHeap, 0, object); when the count drops to 0, HeapDestroy(s_hHeap) and forget the handle.
        kernel.HeapFree(kernel.GetProcessHeap(), 0, object);
    }

    @Override
    public long heap() {
        return s_hHeap;
    }
}

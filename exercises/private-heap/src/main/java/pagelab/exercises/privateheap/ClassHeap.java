package pagelab.exercises.privateheap;

import pagelab.kernel.Kernel32;

/**
 * {@code CSomeClass::operator new} and {@code operator delete} from chapter 18: every object of the class lives in a
 * heap of its own, created when the first object is allocated and destroyed when the last one is freed.
 *
 * <p>The checker uses one instance for the class (its fields play the class's static members {@code s_hHeap} and
 * {@code s_uNumAllocsInHeap}) and calls it from one thread.
 */
public interface ClassHeap {
    /** {@code sizeof(CSomeClass)}. */
    int OBJECT_SIZE = 100;

    /**
     * {@code operator new}: {@code OBJECT_SIZE} bytes from the class's heap, creating the heap first if there is
     * none.
     *
     * @return the object's address, or 0 if the heap cannot be created or the allocation fails
     */
    long allocate(Kernel32 kernel);

    /**
     * {@code operator delete}: frees an object {@link #allocate} returned; destroys the heap when it was the last
     * one. Freeing 0 does nothing.
     */
    void free(Kernel32 kernel, long object);

    /** The class's heap handle ({@code s_hHeap}); 0 while there is none. */
    long heap();
}

package pagelab.exercises.heapapi;

import java.util.List;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Seh;

/**
 * Growable byte buffers kept in a heap, as a C library would keep them: a buffer is a heap block, its address is
 * the {@code BYTE*} the caller holds, and its length is the heap's own record of the block, {@code HeapSize}. No
 * length is stored anywhere else.
 *
 * <p>In C these would be free functions over a {@code HANDLE hHeap}; the checker creates the heaps (except in
 * {@link #createFixedHeap}), calls the functions from one thread and reads the heap's ground truth itself. Every
 * byte a function adds to a buffer reads as zero.
 */
public interface HeapBuffers {
    /**
     * A heap that never grows: at most {@code maximumSize} bytes of address space, reserved at once, with only the
     * minimum committed to start with. Serialised, and no exceptions on failure.
     *
     * @return the heap's handle, or 0 if HeapCreate failed
     */
    long createFixedHeap(Kernel32 kernel, long maximumSize);

    /**
     * A new buffer of {@code bytes} bytes, all zero, from {@code heap}.
     *
     * @return its address, or 0 if the heap has no room for it
     */
    long newBuffer(Kernel32 kernel, long heap, long bytes);

    /**
     * The length of the buffer, as the heap records it: the size last asked for, not the block's rounded size.
     *
     * @return the length, or -1 if {@code buffer} is not a buffer of {@code heap}
     */
    long length(Kernel32 kernel, long heap, long buffer);

    /**
     * Makes the buffer {@code bytes} long, keeping its first {@code min(old, bytes)} bytes; added bytes are zero. The
     * heap may have to move the buffer to grow it.
     *
     * @return the buffer's address from now on (the old one, or a new one if it moved); 0 if the heap has no room,
     *         in which case the buffer is unchanged and still at its old address
     */
    long resize(Kernel32 kernel, long heap, long buffer, long bytes);

    /**
     * Makes the buffer {@code bytes} long only if that can be done where it is; added bytes are zero.
     *
     * @return true if the buffer now has the new length at the same address; false if it would have had to move,
     *         in which case it is unchanged
     */
    boolean resizeInPlace(Kernel32 kernel, long heap, long buffer, long bytes);

    /**
     * {@link #newBuffer} for a heap created with {@code HEAP_GENERATE_EXCEPTIONS}, where a failed allocation raises
     * an exception instead of returning NULL. Catches that exception, and only that one.
     *
     * @return the new buffer's address, or 0 if the heap had no room
     */
    long newBufferOrZero(Kernel32 kernel, Seh seh, long heap, long bytes);

    /**
     * The buffers of {@code buffers} whose heap block is damaged, in the order given; empty when the whole heap is
     * intact. Must not change the heap.
     */
    List<Long> damaged(Kernel32 kernel, long heap, List<Long> buffers);
}

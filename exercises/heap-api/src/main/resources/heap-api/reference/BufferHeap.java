import static pagelab.kernel.WinNT.EXCEPTION_CONTINUE_SEARCH;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_HANDLER;
import static pagelab.kernel.WinNT.HEAP_REALLOC_IN_PLACE_ONLY;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;
import static pagelab.kernel.WinNT.STATUS_NO_MEMORY;
// BEGIN WRONG wrong-exception-code
// INSTEAD
//> import static pagelab.kernel.WinNT.STATUS_ACCESS_VIOLATION;
// END WRONG

import java.util.ArrayList;
import java.util.List;
import pagelab.exercises.heapapi.HeapBuffers;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Seh;

/**
 // BEGIN SOLUTION
 * The reference solution: every function is one heap call, with the flag that makes it do what the buffer
 * library promises.
 // INSTEAD
 //> * Growable byte buffers in a heap. Read the instructions first; each TODO names the heap function to call.
 // END SOLUTION
 */
public class BufferHeap implements HeapBuffers {

    @Override
    public long createFixedHeap(Kernel32 kernel, long maximumSize) {
        // BEGIN SOLUTION
        // BEGIN WRONG growable-heap, swaps-sizes
        // dwInitialSize 0: one page committed to start with; dwMaximumSize > 0: the heap is reserved at that size
        // and never grows past it.
        return kernel.HeapCreate(0, 0, maximumSize);
        // INSTEAD growable-heap
        // MISTAKE: dwMaximumSize 0 makes a growable heap, limited only by the address space.
        //> return kernel.HeapCreate(0, 0, 0);
        // INSTEAD swaps-sizes
        // MISTAKE: the maximum passed as dwInitialSize: all of it committed at once, and the heap still grows.
        //> return kernel.HeapCreate(0, maximumSize, 0);
        // END WRONG
        // INSTEAD
        // TODO: HeapCreate(flOptions, dwInitialSize, dwMaximumSize): which argument makes the heap fixed-size?
        //> return 0;
        // END SOLUTION
    }

    @Override
    public long newBuffer(Kernel32 kernel, long heap, long bytes) {
        // BEGIN SOLUTION
        // BEGIN WRONG no-zero-flag
        return kernel.HeapAlloc(heap, HEAP_ZERO_MEMORY, bytes);
        // INSTEAD
        // MISTAKE: "a new block is zero anyway": only fresh pages are; a reused block holds what was there.
        //> return kernel.HeapAlloc(heap, 0, bytes);
        // END WRONG
        // INSTEAD
        // TODO: HeapAlloc, with the flag that zero-fills the block.
        //> return 0;
        // END SOLUTION
    }

    @Override
    public long length(Kernel32 kernel, long heap, long buffer) {
        // BEGIN SOLUTION
        return kernel.HeapSize(heap, 0, buffer);
        // INSTEAD
        // TODO: the heap knows the size of every block it handed out: ask it.
        //> return 0;
        // END SOLUTION
    }

    @Override
    public long resize(Kernel32 kernel, long heap, long buffer, long bytes) {
        // BEGIN SOLUTION
        // BEGIN WRONG no-zero-flag
        long moved = kernel.HeapReAlloc(heap, HEAP_ZERO_MEMORY, buffer, bytes);
        // INSTEAD
        //> long moved = kernel.HeapReAlloc(heap, 0, buffer, bytes);
        // END WRONG
        // BEGIN WRONG keeps-old-address, frees-on-failure
        // The block may have moved: the old address is freed. On failure (NULL) the old block is untouched.
        return moved;
        // INSTEAD keeps-old-address
        // MISTAKE: "HeapReAlloc grows the block where it is": when the block moved, the old address is freed.
        //> return moved == 0 ? 0 : buffer;
        // INSTEAD frees-on-failure
        // MISTAKE: a failed HeapReAlloc is taken to have consumed the block, which is freed "to avoid a leak".
        //> if (moved == 0) {
            //> kernel.HeapFree(heap, 0, buffer);
        //> }
        //> return moved;
        // END WRONG
        // INSTEAD
        // TODO: HeapReAlloc, zero-filling what is added; return the address it returns (0 if it failed).
        //> return 0;
        // END SOLUTION
    }

    @Override
    public boolean resizeInPlace(Kernel32 kernel, long heap, long buffer, long bytes) {
        // BEGIN SOLUTION
        // BEGIN WRONG no-zero-flag, moves-anyway
        // HEAP_REALLOC_IN_PLACE_ONLY: NULL, the block untouched, rather than a move.
        return kernel.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY | HEAP_ZERO_MEMORY, buffer, bytes) != 0;
        // INSTEAD no-zero-flag
        //> return kernel.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, buffer, bytes) != 0;
        // INSTEAD moves-anyway
        // MISTAKE: without HEAP_REALLOC_IN_PLACE_ONLY the heap moves the block when it cannot grow it where it is.
        //> return kernel.HeapReAlloc(heap, HEAP_ZERO_MEMORY, buffer, bytes) != 0;
        // END WRONG
        // INSTEAD
        // TODO: HeapReAlloc with the flag that forbids moving the block (and zero-fill).
        //> return false;
        // END SOLUTION
    }

    @Override
    public long newBufferOrZero(Kernel32 kernel, Seh seh, long heap, long bytes) {
        // BEGIN SOLUTION
        long[] buffer = {0};
        // BEGIN WRONG no-seh, wrong-exception-code
        // __try { buffer = HeapAlloc(...); } __except (GetExceptionCode() == STATUS_NO_MEMORY ? ...) { buffer = NULL; }
        seh.tryExcept(() -> buffer[0] = kernel.HeapAlloc(heap, HEAP_ZERO_MEMORY, bytes),
                record -> record.ExceptionCode == STATUS_NO_MEMORY ? EXCEPTION_EXECUTE_HANDLER
                        : EXCEPTION_CONTINUE_SEARCH,
                record -> buffer[0] = 0);
        // INSTEAD no-seh
        // MISTAKE: checks for NULL, which a HEAP_GENERATE_EXCEPTIONS heap never returns: it raises instead.
        //> buffer[0] = kernel.HeapAlloc(heap, HEAP_ZERO_MEMORY, bytes);
        // INSTEAD wrong-exception-code
        // MISTAKE: expects an access violation; a heap that is out of memory raises STATUS_NO_MEMORY.
        //> seh.tryExcept(() -> buffer[0] = kernel.HeapAlloc(heap, HEAP_ZERO_MEMORY, bytes),
                //> record -> record.ExceptionCode == STATUS_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER
                        //> : EXCEPTION_CONTINUE_SEARCH,
                //> record -> buffer[0] = 0);
        // END WRONG
        return buffer[0];
        // INSTEAD
        // TODO: HeapAlloc inside seh.tryExcept(body, filter, handler); the filter handles the exception code a
        //       heap raises when it is out of memory (EXCEPTION_EXECUTE_HANDLER) and lets every other one go on
        //       (EXCEPTION_CONTINUE_SEARCH).
        //> return 0;
        // END SOLUTION
    }

    @Override
    public List<Long> damaged(Kernel32 kernel, long heap, List<Long> buffers) {
        // BEGIN SOLUTION
        List<Long> out = new ArrayList<>();
        if (kernel.HeapValidate(heap, 0, 0)) {
            return out; // lpMem NULL: the whole heap, every block header, is intact
        }
        for (long b : buffers) {
            // BEGIN WRONG validates-whole-heap
            if (!kernel.HeapValidate(heap, 0, b)) { // lpMem: this block alone
            // INSTEAD
            // MISTAKE: lpMem left NULL, so every buffer is blamed for the damage somewhere in the heap.
            //> if (!kernel.HeapValidate(heap, 0, 0)) {
            // END WRONG
                out.add(b);
            }
        }
        return out;
        // INSTEAD
        // TODO: HeapValidate(heap, 0, NULL) checks the whole heap; HeapValidate(heap, 0, block) one block.
        //> return new ArrayList<>();
        // END SOLUTION
    }
}

package pagelab.exercises.dllbase;

import java.util.List;
import java.util.Map;
import pagelab.kernel.Kernel32;
import pagelab.kernel.host.ImageFile;

/**
 * A build engineer's view of DLL bases, in the spirit of the Rebase utility: predict what the loader will do with a
 * set of DLLs in a given process, and choose preferred bases that make every DLL load where it wants to.
 *
 * <p>Both methods run in the process concerned and may inspect it with {@code VirtualQuery}; they must not change
 * it (no VirtualAlloc, no LoadLibrary). A DLL occupies {@code [preferredBase, preferredBase + sizeOfImage())}.
 */
public interface DllPlanner {
    /**
     * What happens to each DLL, by {@link ImageFile#name()}, when the calling process loads them in list order.
     * A relocated DLL goes wherever the loader finds room; in the checker's scenarios it never lands in a range a
     * later DLL of the list prefers.
     */
    Map<String, LoadOutcome> predict(Kernel32 kernel, List<ImageFile> dlls);

    /**
     * New preferred bases, one per DLL in list order, each a multiple of 64 KiB, such that loading them in that order
     * into the calling process relocates none.
     */
    long[] chooseBases(Kernel32 kernel, List<ImageFile> dlls);
}

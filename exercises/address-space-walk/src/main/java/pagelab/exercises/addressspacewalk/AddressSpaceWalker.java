package pagelab.exercises.addressspacewalk;

import java.util.List;
import pagelab.kernel.Kernel32;

/**
 * The book's VMMap: walks the calling process's user-mode address space with {@code VirtualQuery} and lists it
 * region by region.
 *
 * <p>The checker calls {@link #walk} in a process it prepared (it may hold extra heaps, stacks, views and
 * reservations) and compares the answer with the kernel's ground truth; then it calls {@link #listing} with the
 * regions {@code walk} returned.
 */
public interface AddressSpaceWalker {
    /**
     * Every region from address 0 up to where {@code VirtualQuery} stops answering (just past
     * {@code lpMaximumApplicationAddress}), in address order, free ones included; they tile the range.
     */
    List<VmRegion> walk(Kernel32 kernel);

    /**
     * A VMMap-style listing: one line per region, starting with its base in hex ({@code 0x00400000}, 8 digits on
     * x86, 16 when the address needs them) and holding its size in hex and its kind's name ({@code IMAGE}, ...);
     * block lines may follow each region line, indented.
     */
    String listing(List<VmRegion> regions);
}

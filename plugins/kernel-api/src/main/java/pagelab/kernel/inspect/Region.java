package pagelab.kernel.inspect;

/**
 * A run of pages with the same state, protection and type inside one allocation (a VMMap "block"), or a run
 * of free pages. The fields mean what {@code MEMORY_BASIC_INFORMATION}'s do; {@code protect} holds the
 * Win32 protection including {@code PAGE_GUARD}.
 */
public record Region(long base, long size, long allocationBase, int allocationProtect, int state, int protect,
                     int type) {
    public long end() {
        return base + size;
    }

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }
}

package pagelab.kernel.inspect;

/**
 * Ground truth about one page, beyond what VirtualQuery says.
 *
 * @param state          {@code MEM_FREE}, {@code MEM_RESERVE} or {@code MEM_COMMIT}
 * @param protect        the Win32 protection with modifiers ({@code PAGE_GUARD} ...); 0 unless committed
 * @param type           {@code MEM_PRIVATE}, {@code MEM_MAPPED}, {@code MEM_IMAGE}; 0 when free
 * @param copyOnWrite    a write would give the process a private copy
 * @param shared         the page's physical storage is shared with another view or process
 * @param resident       the page has a physical frame (it was touched); false for demand-zero pages
 * @param dirty          the page was written since it was last brought in or flushed
 */
public record PageInfo(long address, long allocationBase, int state, int protect, int type, boolean guard,
                       boolean copyOnWrite, boolean shared, boolean resident, boolean dirty) {
}

package pagelab.sim.mmu;

/**
 * One of the kernel's own accesses ({@link KernelAccess}) met a page that does not allow it: free, reserved, a guard
 * page, or protected against the access (the program decommitted, released or protected part of a heap, say).
 * Windows would take an access violation inside kernel mode or ntdll; the kernel code that catches this fails its
 * call instead (ERROR_NOACCESS). Unchecked, and without a stack trace: it is an answer, not a bug.
 */
public final class InaccessiblePage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;

    public InaccessiblePage(long address) {
        super(String.format("page at %#x is not accessible", address), null, false, false);
        this.address = address;
    }

    public long address() {
        return address;
    }
}

package pagelab.sim.heap;

/**
 * The heap touched one of its own pages and found it not committed or not accessible: the program decommitted,
 * released or protected part of a heap. Windows would take an access violation inside ntdll; the simulator
 * stops the heap operation and reports {@code ERROR_NOACCESS} instead. Never leaves this package.
 */
final class HeapAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final long address;

    HeapAccessException(long address) {
        super(String.format("heap page at %#x is not accessible", address), null, false, false);
        this.address = address;
    }
}

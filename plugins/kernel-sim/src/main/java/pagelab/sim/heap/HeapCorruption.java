package pagelab.sim.heap;

/**
 * A heap call found a damaged header or a block freed twice while the process asked for
 * HeapEnableTerminationOnCorruption: thrown under the machine lock by the heap operation, caught by
 * {@link SimHeaps} once the lock is released, which then ends the process. Never leaves this package.
 */
final class HeapCorruption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeapCorruption(String what) {
        super(what, null, false, false);
    }
}

/**
 * Read-only views of a simulated machine for checkers and the desktop: the trace of kernel calls and faults,
 * per-page state, counters and address-space snapshots. Every value is immutable; nothing here changes the kernel.
 */
package pagelab.kernel.inspect;

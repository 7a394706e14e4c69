/**
 * The reference simulator of the kernel SPI, registered with {@code Machine.create} by
 * {@link pagelab.sim.ReferenceKernelProvider}, which wires the layers together (see docs/architecture.md for their
 * order).
 */
package pagelab.sim;

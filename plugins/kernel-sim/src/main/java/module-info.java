/**
 * The reference simulator. It exports nothing: everything reaches it through {@code pagelab.kernel}, and in the
 * grading child, where it runs as a named module, no student code can open its classes, even by reflection.
 */
module pagelab.sim {
    requires pagelab.kernel;

    provides pagelab.kernel.spi.KernelProvider with pagelab.sim.ReferenceKernelProvider;
}

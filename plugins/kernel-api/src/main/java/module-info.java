/**
 * The simulated Windows kernel's public API (kernel-spi.md): what students, checkers and plugins bind to. A named
 * module so that the grading child can run the simulator as a module of its own, strongly encapsulated from the
 * student's code; on the class path (the host, tests) this file changes nothing.
 */
module pagelab.kernel {
    exports pagelab.kernel;
    exports pagelab.kernel.control;
    exports pagelab.kernel.format;
    exports pagelab.kernel.host;
    exports pagelab.kernel.inspect;
    exports pagelab.kernel.spi;

    uses pagelab.kernel.spi.KernelProvider;
}

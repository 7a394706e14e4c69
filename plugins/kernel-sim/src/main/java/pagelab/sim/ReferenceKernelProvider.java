package pagelab.sim;

import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.spi.KernelProvider;

/** Registers the reference simulator with {@code Machine.create} (META-INF/services). */
public final class ReferenceKernelProvider implements KernelProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Machine createMachine(MachineConfig config) {
        return new SimMachine(config);
    }
}

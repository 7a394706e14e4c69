package pagelab.kernel.spi;

import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * A kernel implementation, found by {@link Machine#create} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/pagelab.kernel.spi.KernelProvider}). The provider with the highest priority wins.
 */
public interface KernelProvider {
    /** A short name, e.g. {@code "reference"}. */
    String name();

    /** Higher wins; the reference simulator has 0. */
    default int priority() {
        return 0;
    }

    Machine createMachine(MachineConfig config);
}

package pagelab.kernel;

import java.util.List;
import java.util.ServiceLoader;
import pagelab.kernel.control.FaultInjection;
import pagelab.kernel.host.HostFiles;
import pagelab.kernel.inspect.MachineInspector;
import pagelab.kernel.spi.KernelProvider;

/**
 * A simulated Windows computer: RAM, a paging file, a file system, named kernel objects and processes.
 * Everything random in it derives from {@link MachineConfig#seed()}, so the same config gives the same addresses.
 */
public interface Machine extends AutoCloseable {

    /**
     * Creates a machine with the highest-priority {@link KernelProvider} found through {@link ServiceLoader}
     * (the reference simulator unless another is on the class path).
     *
     * @throws IllegalStateException if no provider is installed
     */
    static Machine create(MachineConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("Machine.create: config is null (use MachineConfig.x86() or x64())");
        }
        KernelProvider best = KernelProviders.own();
        if (best == null) { // e.g. the API on the class path of a loader that cannot see the provider's
            best = KernelProviders.best(ServiceLoader.load(KernelProvider.class));
        }
        if (best == null) {
            throw new IllegalStateException("No pagelab.kernel.spi.KernelProvider on the class path: "
                    + "add the kernel-sim module (the reference simulator)");
        }
        return best.createMachine(config);
    }

    MachineConfig config();

    /** Starts a process of the built-in blank program image. */
    WinProcess createProcess();

    /**
     * Starts a process from an image in the machine's file system.
     *
     * @throws IllegalArgumentException if there is no such image (the message says why, as CreateProcess's error would)
     */
    WinProcess createProcess(String exePath);

    /** The processes created so far, in creation order, ended ones included. */
    List<WinProcess> processes();

    /** Read-only ground truth: trace, counters, snapshots. It cannot change kernel state. */
    MachineInspector inspector();

    /** The machine's file system, from outside the simulation (seeding and reading files). */
    HostFiles files();

    /** A checker's control surface: deterministic fault injection. */
    FaultInjection faultInjection();

    /** Ends every process and frees the machine's resources. */
    @Override
    void close();
}

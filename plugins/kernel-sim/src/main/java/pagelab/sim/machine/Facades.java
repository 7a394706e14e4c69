package pagelab.sim.machine;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Seh;
import pagelab.kernel.inspect.MachineInspector;
import pagelab.kernel.inspect.ProcessInspector;

/**
 * The faces a machine and its processes show the outside world, made by the layers above this package (the Win32
 * facade and the inspector), which depend on it and not the other way round. The provider wires them in.
 */
public interface Facades {
    /** The Win32 calls of a process, made by the Java threads that act as its threads. */
    Kernel32 kernel32(SimProcess process);

    /** {@code __try/__except} and {@code __try/__finally} for the threads of a process. */
    Seh seh(SimProcess process);

    /** Read-only ground truth about a process. */
    ProcessInspector inspector(SimProcess process);

    /** Read-only ground truth about a machine. */
    MachineInspector inspector(SimMachine machine);
}

package pagelab.sim;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Seh;
import pagelab.kernel.inspect.MachineInspector;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.kernel.spi.KernelProvider;
import pagelab.sim.inspect.SimMachineInspector;
import pagelab.sim.inspect.SimProcessInspector;
import pagelab.sim.machine.Facades;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.win32.Kernel32Impl;
import pagelab.sim.win32.SimSeh;

/**
 * Registers the reference simulator with {@code Machine.create} (META-INF/services), and wires its top layers in: a
 * machine's processes get their Win32 facade and inspectors from here.
 */
public final class ReferenceKernelProvider implements KernelProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Machine createMachine(MachineConfig config) {
        return new SimMachine(config, new ReferenceFacades());
    }

    private static final class ReferenceFacades implements Facades {
        @Override
        public Kernel32 kernel32(SimProcess process) {
            return new Kernel32Impl(process);
        }

        @Override
        public Seh seh(SimProcess process) {
            return new SimSeh(process);
        }

        @Override
        public ProcessInspector inspector(SimProcess process) {
            return new SimProcessInspector(process);
        }

        @Override
        public MachineInspector inspector(SimMachine machine) {
            return new SimMachineInspector(machine);
        }
    }
}

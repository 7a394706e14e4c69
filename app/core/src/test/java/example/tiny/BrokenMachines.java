package example.tiny;

import java.util.function.Function;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/** A kernel that cannot make machines: every check it runs is the checker's failure, not the student's. */
public class BrokenMachines implements Function<MachineConfig, Machine> {
    @Override
    public Machine apply(MachineConfig config) {
        throw new IllegalStateException("this kernel is broken on purpose");
    }
}

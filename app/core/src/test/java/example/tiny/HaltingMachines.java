package example.tiny;

import java.util.function.Function;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * A kernel that takes its JVM down as a native crash would, once a check asks for a machine (the child's warm-up,
 * seed 0, still gets a stub): the check's run ends as "crashed".
 */
public class HaltingMachines implements Function<MachineConfig, Machine> {
    @Override
    public Machine apply(MachineConfig config) {
        if (config.seed() != 0) {
            Runtime.getRuntime().halt(134);
        }
        return new StubMachines().apply(config);
    }
}

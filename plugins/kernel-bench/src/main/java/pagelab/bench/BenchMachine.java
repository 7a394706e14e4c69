package pagelab.bench;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;

/**
 * One simulated machine with one process, made only through the public SPI, as every benchmark uses it.
 * Not thread-safe: a benchmark state owns one. Close it in the state's tear-down.
 */
public final class BenchMachine implements AutoCloseable {
    private final Machine machine;
    private final WinProcess process;

    private BenchMachine(MachineConfig config) {
        this.machine = Machine.create(config);
        this.process = machine.createProcess();
    }

    /**
     * A machine of {@code arch} ("x86" or "x64") with kernel-call tracing on or off.
     *
     * @throws IllegalArgumentException for an unknown architecture name
     */
    public static BenchMachine of(String arch, boolean trace) {
        return new BenchMachine(config(arch).traceCalls(trace));
    }

    /** The stock config for {@code arch}; JMH passes parameters as strings, so the name is checked here. */
    public static MachineConfig config(String arch) {
        switch (arch) {
            case "x86":
                return MachineConfig.x86();
            case "x64":
                return MachineConfig.x64();
            default:
                throw new IllegalArgumentException("arch must be x86 or x64, got '" + arch + "'");
        }
    }

    /**
     * With the trace on, runs {@code op} until the trace is full, so that a benchmark measures the calls of a long
     * run, which the trace only counts; what a call costs while the trace keeps it is KeptTraceMeasure's figure.
     * Does nothing with the trace off.
     */
    public void fillTrace(Runnable op) {
        while (machine.config().traceCalls() && machine.inspector().traceDropped() == 0) {
            op.run();
        }
    }

    public Machine machine() {
        return machine;
    }

    public WinProcess process() {
        return process;
    }

    public Kernel32 kernel32() {
        return process.kernel32();
    }

    public Memory memory() {
        return process.memory();
    }

    @Override
    public void close() {
        machine.close();
    }
}

package pagelab.kernel;

import java.util.Objects;

/**
 * An immutable description of a simulated machine. Each setter returns a new config:
 * {@code MachineConfig.x86().ramBytes(64L << 20).seed(42)}.
 */
public final class MachineConfig {

    /** The processor architecture, which fixes pointer size and the user-mode partition. */
    public enum Architecture { X86, X64 }

    /**
     * Trace events a machine keeps unless told otherwise: about seven times the longest run of any exercise's check
     * (reference and known-wrong solutions alike), and little enough memory that tracing never decides whether a
     * program fits in the host's heap.
     */
    private static final int DEFAULT_TRACE_CAPACITY = 30_000;

    private final Architecture architecture;
    private final long ramBytes;
    private final long pageFileBytes;
    private final boolean largeAddressAware;
    private final boolean aslr;
    private final long seed;
    private final int processors;
    private final boolean traceCalls;
    private final int traceCapacity;
    private final int maxRefaults;

    private MachineConfig(Architecture architecture, long ramBytes, long pageFileBytes, boolean largeAddressAware,
                          boolean aslr, long seed, int processors, boolean traceCalls, int traceCapacity,
                          int maxRefaults) {
        this.architecture = architecture;
        this.ramBytes = ramBytes;
        this.pageFileBytes = pageFileBytes;
        this.largeAddressAware = largeAddressAware;
        this.aslr = aslr;
        this.seed = seed;
        this.processors = processors;
        this.traceCalls = traceCalls;
        this.traceCapacity = traceCapacity;
        this.maxRefaults = maxRefaults;
    }

    /** 32-bit Windows: 4 KiB pages, 64 KiB allocation granularity, 2 GiB user mode, 256 MiB RAM, 512 MiB paging file. */
    public static MachineConfig x86() {
        return new MachineConfig(Architecture.X86, 256L << 20, 512L << 20, false, false, 0, 2, true,
                DEFAULT_TRACE_CAPACITY, 1000);
    }

    /** 64-bit Windows: 4 KiB pages, 64 KiB granularity, 128 TiB user mode, 1 GiB RAM, 2 GiB paging file. */
    public static MachineConfig x64() {
        return new MachineConfig(Architecture.X64, 1L << 30, 2L << 30, true, false, 0, 2, true,
                DEFAULT_TRACE_CAPACITY, 1000);
    }

    private MachineConfig with(Architecture a, long ram, long pf, boolean laa, boolean aslr, long seed, int cpus,
                               boolean trace, int cap, int refaults) {
        return new MachineConfig(a, ram, pf, laa, aslr, seed, cpus, trace, cap, refaults);
    }

    public Architecture architecture() {
        return architecture;
    }

    public boolean is64Bit() {
        return architecture == Architecture.X64;
    }

    public long ramBytes() {
        return ramBytes;
    }

    /** Physical memory, rounded down to whole pages; at least 1 MiB. */
    public MachineConfig ramBytes(long bytes) {
        if (bytes < (1L << 20)) {
            throw new IllegalArgumentException("ramBytes: at least 1 MiB, got " + bytes);
        }
        return with(architecture, bytes & ~0xFFFL, pageFileBytes, largeAddressAware, aslr, seed, processors,
                traceCalls, traceCapacity, maxRefaults);
    }

    public long pageFileBytes() {
        return pageFileBytes;
    }

    /** The paging file's size, rounded down to whole pages; 0 means no paging file. */
    public MachineConfig pageFileBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("pageFileBytes: must not be negative, got " + bytes);
        }
        return with(architecture, ramBytes, bytes & ~0xFFFL, largeAddressAware, aslr, seed, processors,
                traceCalls, traceCapacity, maxRefaults);
    }

    public boolean largeAddressAware() {
        return largeAddressAware;
    }

    /** On x86, a large-address-aware process gets 3 GiB of user mode (/3GB); x64 processes always have 128 TiB. */
    public MachineConfig largeAddressAware(boolean on) {
        return with(architecture, ramBytes, pageFileBytes, on, aslr, seed, processors, traceCalls, traceCapacity,
                maxRefaults);
    }

    public boolean aslr() {
        return aslr;
    }

    /** Address space layout randomisation of images, stacks, heaps and the PEB, driven by the seed. */
    public MachineConfig aslr(boolean on) {
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, on, seed, processors, traceCalls,
                traceCapacity, maxRefaults);
    }

    public long seed() {
        return seed;
    }

    /** Everything random in the machine derives from the seed: same seed, same addresses. */
    public MachineConfig seed(long value) {
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, value, processors, traceCalls,
                traceCapacity, maxRefaults);
    }

    public int processors() {
        return processors;
    }

    /** The number of processors GetSystemInfo reports (1 to 64). */
    public MachineConfig processors(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("processors: 1 to 64, got " + count);
        }
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, seed, count, traceCalls,
                traceCapacity, maxRefaults);
    }

    public boolean traceCalls() {
        return traceCalls;
    }

    /** Whether kernel calls and faults are recorded for the inspector (on by default; off for benchmarks). */
    public MachineConfig traceCalls(boolean on) {
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, seed, processors, on,
                traceCapacity, maxRefaults);
    }

    public int traceCapacity() {
        return traceCapacity;
    }

    /**
     * How many trace events are kept: a run's first {@code events} (30,000 by default); the events after them are
     * only counted (the inspector says how many), so a long run costs neither memory nor time for them.
     */
    public MachineConfig traceCapacity(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("traceCapacity: at least 1, got " + events);
        }
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, seed, processors, traceCalls,
                events, maxRefaults);
    }

    public int maxRefaults() {
        return maxRefaults;
    }

    /**
     * How many times in a row one access may fault identically after filters answered
     * {@code EXCEPTION_CONTINUE_EXECUTION} before the kernel ends the process instead of looping forever.
     */
    public MachineConfig maxRefaults(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxRefaults: at least 1, got " + count);
        }
        return with(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, seed, processors, traceCalls,
                traceCapacity, count);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MachineConfig)) {
            return false;
        }
        MachineConfig c = (MachineConfig) o;
        return architecture == c.architecture && ramBytes == c.ramBytes && pageFileBytes == c.pageFileBytes
                && largeAddressAware == c.largeAddressAware && aslr == c.aslr && seed == c.seed
                && processors == c.processors && traceCalls == c.traceCalls && traceCapacity == c.traceCapacity
                && maxRefaults == c.maxRefaults;
    }

    @Override
    public int hashCode() {
        return Objects.hash(architecture, ramBytes, pageFileBytes, largeAddressAware, aslr, seed, processors);
    }

    @Override
    public String toString() {
        return "MachineConfig{" + architecture + ", ram=" + (ramBytes >> 20) + " MiB, pageFile="
                + (pageFileBytes >> 20) + " MiB, largeAddressAware=" + largeAddressAware + ", aslr=" + aslr
                + ", seed=" + seed + ", processors=" + processors + "}";
    }
}

package pagelab.kernel;

/** Filled by {@link Kernel32#GetSystemInfo}. Field names and types as in the Windows SDK ({@code WORD} = short). */
public final class SYSTEM_INFO {
    public short wProcessorArchitecture;
    public short wReserved;
    public int dwPageSize;
    public long lpMinimumApplicationAddress;
    public long lpMaximumApplicationAddress;
    public long dwActiveProcessorMask;
    public int dwNumberOfProcessors;
    public int dwProcessorType;
    public int dwAllocationGranularity;
    public short wProcessorLevel;
    public short wProcessorRevision;

    @Override
    public String toString() {
        return String.format("SYSTEM_INFO{wProcessorArchitecture=%d, dwPageSize=%#x, lpMinimumApplicationAddress=%#x, "
                        + "lpMaximumApplicationAddress=%#x, dwActiveProcessorMask=%#x, dwNumberOfProcessors=%d, "
                        + "dwProcessorType=%d, dwAllocationGranularity=%#x, wProcessorLevel=%d, wProcessorRevision=%#x}",
                wProcessorArchitecture, dwPageSize, lpMinimumApplicationAddress, lpMaximumApplicationAddress,
                dwActiveProcessorMask, dwNumberOfProcessors, dwProcessorType, dwAllocationGranularity,
                wProcessorLevel, wProcessorRevision);
    }
}

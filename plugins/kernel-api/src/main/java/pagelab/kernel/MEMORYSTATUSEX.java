package pagelab.kernel;

/**
 * Filled by {@link Kernel32#GlobalMemoryStatusEx}. As in C, {@code dwLength} must hold the structure's size
 * (64) before the call; the constructor sets it, as JNA's does.
 */
public final class MEMORYSTATUSEX {
    /** The size of the structure in bytes in the Windows SDK. */
    public static final int SIZE = 64;

    public int dwLength = SIZE;
    public int dwMemoryLoad;
    public long ullTotalPhys;
    public long ullAvailPhys;
    public long ullTotalPageFile;
    public long ullAvailPageFile;
    public long ullTotalVirtual;
    public long ullAvailVirtual;
    public long ullAvailExtendedVirtual;

    @Override
    public String toString() {
        return String.format("MEMORYSTATUSEX{dwMemoryLoad=%d%%, ullTotalPhys=%#x, ullAvailPhys=%#x, ullTotalPageFile=%#x, "
                        + "ullAvailPageFile=%#x, ullTotalVirtual=%#x, ullAvailVirtual=%#x}",
                dwMemoryLoad, ullTotalPhys, ullAvailPhys, ullTotalPageFile, ullAvailPageFile,
                ullTotalVirtual, ullAvailVirtual);
    }
}

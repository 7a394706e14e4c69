package pagelab.exercises.systeminfo;

import pagelab.kernel.Kernel32;

/**
 * A forecast of what memory calls cost, as chapter 14's SysInfo and VMStat samples let you observe: the system's
 * page size, granularity and user-mode range, and how {@code GlobalMemoryStatusEx}'s figures move with each call.
 *
 * <p>The checker calls {@code start} once, then for each step {@code predict} just before it makes the call.
 */
public interface MemoryForecast {
    /** Called once, first: read what you need from the process (GetSystemInfo). */
    void start(Kernel32 kernel);

    /** {@code SYSTEM_INFO.dwPageSize}. */
    long pageSize();

    /** {@code SYSTEM_INFO.dwAllocationGranularity}. */
    long allocationGranularity();

    /** The bytes of user-mode address space: from the lowest to the highest application address, inclusive. */
    long userModeBytes();

    /** The change {@code step} is about to cause; every earlier step was predicted (and made) before it. */
    Change predict(Step step);
}

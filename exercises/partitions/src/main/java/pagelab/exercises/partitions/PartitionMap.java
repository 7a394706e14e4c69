package pagelab.exercises.partitions;

import pagelab.kernel.Kernel32;

/**
 * The map of a process's address space that chapter 13's table of partitions draws, for the machine the process
 * runs on: which partition an address falls into, and the kernel's own proof of it.
 *
 * <p>The checker calls {@code start} once, first, then any mix of the other two methods. It may make a new
 * instance for another machine (x86 with /3GB, x64) and start it with that machine's kernel.
 */
public interface PartitionMap {
    /** Called once, first, with the kernel of the process to map: read what you need (GetSystemInfo). */
    void start(Kernel32 kernel);

    /**
     * The partition holding {@code address}. On x86 an address is an unsigned 32-bit value, 0 to
     * {@code 0xFFFFFFFF}, given in a {@code long}; on x64 the checker asks only about canonical addresses
     * ({@code 0x00000000'00000000} to {@code 0x00007FFF'FFFFFFFF} and {@code 0xFFFF8000'00000000} and above).
     */
    Partition partitionOf(long address);

    /**
     * Asks the kernel: reserves one page at {@code address} with {@code VirtualAlloc(address, pageSize, MEM_RESERVE,
     * PAGE_READWRITE)}, releases it again if that worked, and says what the kernel answered. The checker never
     * passes 0 (which asks VirtualAlloc to choose the address).
     *
     * @return {@code RESERVED}, {@code IN_USE} (ERROR_INVALID_ADDRESS) or {@code NOT_USER_MODE}
     *         (ERROR_INVALID_PARAMETER); null for any other error
     */
    Reservation tryReserve(long address);
}

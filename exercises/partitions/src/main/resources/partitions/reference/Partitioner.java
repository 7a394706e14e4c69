import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.partitions.Partition;
import pagelab.exercises.partitions.PartitionMap;
import pagelab.exercises.partitions.Reservation;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/**
 // BEGIN SOLUTION
 * The reference solution: user mode's bounds from GetSystemInfo, the 64 KiB NULL-pointer and off-limits
 * partitions on either side of it, unsigned comparisons, and VirtualAlloc's own answer for tryReserve.
 // INSTEAD
 //> * The partitions of chapter 13: which one an address falls into, and what VirtualAlloc says about it.
 //> * Read the instructions first; each TODO says what to do.
 // END SOLUTION
 */
public class Partitioner implements PartitionMap {
    /** The off-limits partition is 64 KiB on every version of Windows the book covers. */
    private static final long OFF_LIMITS_BYTES = 0x10000;

    private Kernel32 kernel;
    private long pageSize;
    private long lowest;   // lpMinimumApplicationAddress: the first address of user mode
    private long highest;  // lpMaximumApplicationAddress: the last address of user mode

    @Override
    public void start(Kernel32 kernel) {
        this.kernel = kernel;
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        pageSize = si.dwPageSize;
        // BEGIN SOLUTION
        // BEGIN WRONG null-is-one-page
        lowest = si.lpMinimumApplicationAddress;
        // INSTEAD
        // MISTAKE: only the page at address 0 is taken to catch NULL pointers.
        //> lowest = si.dwPageSize;
        // END WRONG
        // BEGIN WRONG hard-coded-2gib
        highest = si.lpMaximumApplicationAddress;
        // INSTEAD
        // MISTAKE: the book's figure for 32-bit Windows without /3GB, taken as true everywhere.
        //> highest = 0x7FFEFFFFL;
        // END WRONG
        // INSTEAD
        // TODO: keep the first and the last address of user mode (si has both).
        // END SOLUTION
    }

    // tag::partitionOf[]
    @Override
    public Partition partitionOf(long address) {
        // BEGIN SOLUTION
        // BEGIN WRONG int-addresses
        // An address is unsigned: 0x80000000 is 2 GiB, not a negative number, and so is 0xFFFF8000'00000000.
        if (Long.compareUnsigned(address, lowest) < 0) {
            return Partition.NULL_POINTER;
        }
        // BEGIN WRONG max-exclusive
        if (Long.compareUnsigned(address, highest) <= 0) {
            return Partition.USER_MODE;
        }
        // INSTEAD
        // MISTAKE: lpMaximumApplicationAddress is taken as the end of user mode, one past its last byte.
        //> if (Long.compareUnsigned(address, highest) < 0) {
        //>     return Partition.USER_MODE;
        //> }
        // END WRONG
        // INSTEAD
        // MISTAKE: the address is kept in an int, as (int) ptr in C: from 0x80000000 up it is negative.
        //> int a = (int) address;
        //> if (a < (int) lowest) {
        //>     return Partition.NULL_POINTER;
        //> }
        //> if (a <= (int) highest) {
        //>     return Partition.USER_MODE;
        //> }
        // END WRONG
        // BEGIN WRONG no-off-limits
        // The 64 KiB just above user mode belong to nobody: the fence between user mode and kernel mode.
        // BEGIN WRONG max-exclusive
        if (Long.compareUnsigned(address - highest - 1, OFF_LIMITS_BYTES) < 0) {
            return Partition.OFF_LIMITS;
        }
        // INSTEAD
        //> if (Long.compareUnsigned(address - highest, OFF_LIMITS_BYTES) < 0) {
        //>     return Partition.OFF_LIMITS;
        //> }
        // END WRONG
        // INSTEAD
        // MISTAKE: kernel mode is taken to start right above lpMaximumApplicationAddress.
        // END WRONG
        return Partition.KERNEL_MODE;
        // INSTEAD
        // TODO: below user mode, in user mode, in the 64 KiB just above it, or above those.
        //> return null;
        // END SOLUTION
    }
    // end::partitionOf[]

    // tag::tryReserve[]
    @Override
    public Reservation tryReserve(long address) {
        // BEGIN SOLUTION
        // BEGIN WRONG guesses-instead-of-asking
        // BEGIN WRONG commits-instead-of-reserving
        long base = kernel.VirtualAlloc(address, pageSize, MEM_RESERVE, PAGE_READWRITE);
        // INSTEAD
        // MISTAKE: MEM_COMMIT alone, as if committing reserved too; it commits only inside a reservation.
        //> long base = kernel.VirtualAlloc(address, pageSize, MEM_COMMIT, PAGE_READWRITE);
        // END WRONG
        if (base != 0) {
            // BEGIN WRONG keeps-reservation
            // A probe leaves the address space as it found it.
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            // INSTEAD
            // MISTAKE: the page stays reserved after the probe.
            // END WRONG
            return Reservation.RESERVED;
        }
        int error = kernel.GetLastError();
        // BEGIN WRONG swapped-errors
        if (error == ERROR_INVALID_ADDRESS) {
            return Reservation.IN_USE; // user mode, but the range overlaps a region that is there already
        }
        if (error == ERROR_INVALID_PARAMETER) {
            return Reservation.NOT_USER_MODE; // no program may allocate there at all
        }
        // INSTEAD
        // MISTAKE: the two errors are read the other way round.
        //> if (error == ERROR_INVALID_PARAMETER) {
        //>     return Reservation.IN_USE;
        //> }
        //> if (error == ERROR_INVALID_ADDRESS) {
        //>     return Reservation.NOT_USER_MODE;
        //> }
        // END WRONG
        return null;
        // INSTEAD guesses-instead-of-asking
        // MISTAKE: the answer is predicted from the partition; the kernel is never asked.
        //> return partitionOf(address) == Partition.USER_MODE ? Reservation.RESERVED : Reservation.NOT_USER_MODE;
        // END WRONG
        // INSTEAD
        // TODO: VirtualAlloc(address, pageSize, MEM_RESERVE, PAGE_READWRITE); release what it reserved
        //       (VirtualFree with MEM_RELEASE); on failure tell the two errors of the instructions apart.
        //> return null;
        // END SOLUTION
    }
    // end::tryReserve[]
}

package pagelab.exercises.partitions;

/** The partitions of a process's address space, from the bottom (address 0) to the top (chapter 13). */
public enum Partition {
    /** The first 64 KiB, {@code 0x00000000} to {@code 0x0000FFFF}: never allocated, to catch NULL pointers. */
    NULL_POINTER,
    /** {@code lpMinimumApplicationAddress} to {@code lpMaximumApplicationAddress}, both included. */
    USER_MODE,
    /** The 64 KiB just above {@code lpMaximumApplicationAddress}: never allocated, a fence before kernel mode. */
    OFF_LIMITS,
    /** Everything above the off-limits partition: the operating system's code and data, out of a program's reach. */
    KERNEL_MODE
}

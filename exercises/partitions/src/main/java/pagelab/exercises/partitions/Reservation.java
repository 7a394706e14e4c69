package pagelab.exercises.partitions;

/** What {@code VirtualAlloc(address, ..., MEM_RESERVE, ...)} answered for an address. */
public enum Reservation {
    /** It succeeded: the address is free user-mode address space (and the region has been released again). */
    RESERVED,
    /** It failed with {@code ERROR_INVALID_ADDRESS} (487): user mode, but something is already there. */
    IN_USE,
    /** It failed with {@code ERROR_INVALID_PARAMETER} (87): the address is not one a program may allocate. */
    NOT_USER_MODE
}

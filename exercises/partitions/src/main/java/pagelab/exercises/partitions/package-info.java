/**
 * The {@code partitions} exercise (chapter 13): the NULL-pointer partition, user mode, the 64 KiB off-limits
 * partition and kernel mode of a process's address space, on x86, x86 with /3GB and x64, and what VirtualAlloc
 * answers for an address in each.
 */
package pagelab.exercises.partitions;

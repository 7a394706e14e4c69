/**
 * The {@code heap-walk} exercise (chapter 18, "Other heap functions"): a heap walked entry by entry with HeapWalk
 * under HeapLock, its blocks, free space and segments counted, and the low-fragmentation heap recognised with
 * HeapQueryInformation.
 */
package pagelab.exercises.heapwalk;

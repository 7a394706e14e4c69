package pagelab.exercises.addressspacewalk;

/** What a region is used for, as VMMap's "Type" column names it. */
public enum RegionKind {
    /** {@code MEM_FREE}: no allocation. */
    FREE,
    /** Private memory that is neither a thread stack nor a heap. */
    PRIVATE,
    /** A mapped view of a file or of the paging file ({@code MEM_MAPPED}). */
    MAPPED,
    /** An exe or DLL ({@code MEM_IMAGE}). */
    IMAGE,
    /** A thread's stack: private memory with a {@code PAGE_GUARD} block. */
    STACK,
    /** A heap: a region whose base is one of the handles {@code GetProcessHeaps} returns. */
    HEAP
}

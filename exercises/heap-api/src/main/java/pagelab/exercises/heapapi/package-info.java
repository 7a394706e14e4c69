/**
 * The {@code heap-api} exercise (chapter 18): the heap functions beyond HeapAlloc and HeapFree, on growable byte
 * buffers kept in a heap: HeapReAlloc in place and moving, HeapSize, HEAP_ZERO_MEMORY, HEAP_GENERATE_EXCEPTIONS, a
 * fixed-size heap that runs out, and HeapValidate on a heap an overrun has damaged.
 */
package pagelab.exercises.heapapi;

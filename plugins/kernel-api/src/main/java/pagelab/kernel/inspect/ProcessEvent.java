package pagelab.kernel.inspect;

/**
 * A process or thread started or ended.
 *
 * @param kind    {@code PROCESS_CREATED}, {@code PROCESS_EXITED}, {@code THREAD_CREATED}, {@code THREAD_EXITED}
 * @param detail  e.g. the image path, or the exit code and its reason
 */
public record ProcessEvent(long sequence, int processId, int threadId, String kind, String detail)
        implements TraceEvent {
}

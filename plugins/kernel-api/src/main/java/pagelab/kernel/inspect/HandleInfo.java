package pagelab.kernel.inspect;

/**
 * One open handle of a process, as Process Explorer's handle view shows it: its value (meaningful in this process
 * only), the type of the object it names ({@code Section}, {@code File}, {@code Process}, {@code Thread}), the access
 * it was opened with (-1: all the object allows), its {@code HANDLE_FLAG_*} bits, and an identity of the object that
 * is equal for every handle, in any process, that names the same object (nothing more can be learned from it).
 */
public record HandleInfo(long handle, String type, int access, int flags, long objectId) {
}

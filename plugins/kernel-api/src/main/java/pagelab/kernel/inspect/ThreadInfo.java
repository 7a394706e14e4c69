package pagelab.kernel.inspect;

/** A simulated thread and its stack ({@code NT_TIB}). */
public record ThreadInfo(int threadId, boolean alive, int exitCode, long stackBase, long stackLimit,
                         long deallocationStack, long stackPointer) {
}

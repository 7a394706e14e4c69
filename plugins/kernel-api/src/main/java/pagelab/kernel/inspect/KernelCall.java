package pagelab.kernel.inspect;

import java.util.List;

/**
 * A Kernel32 call as it returned.
 *
 * @param function   the Win32 name, e.g. {@code VirtualAlloc}
 * @param arguments  the arguments in Win32 notation (hex addresses, flag names), in order
 * @param result     the return value in Win32 notation
 * @param failed     whether the call returned its failure value
 * @param lastError  the thread's last error after the call (meaningful when failed)
 * @param caller     the Java source line that made the call
 * @param after      the address space right after the call if the call changed it, else null
 */
public record KernelCall(long sequence, int processId, int threadId, String function, List<String> arguments,
                         String result, boolean failed, int lastError, SourceLocation caller,
                         AddressSpaceSnapshot after) implements TraceEvent {
    public KernelCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return function + "(" + String.join(", ", arguments) + ") = " + result
                + (failed ? " [error " + lastError + "]" : "");
    }
}

package pagelab.kernel;

/**
 * The start-up information {@link Kernel32#CreateProcess} requires (a console program's window station, title,
 * window position and standard handles). The simulation has no windows or consoles: only {@code cb} is looked at,
 * and the struct must be there, as in C.
 */
@SuppressWarnings("checkstyle:MemberName")
public final class STARTUPINFO {
    /** The struct's size in bytes: 68 in 32-bit code, 104 in 64-bit code. */
    public int cb = 104;
    public String lpReserved;
    public String lpDesktop;
    public String lpTitle;
    public int dwFlags;
    public short wShowWindow;
    public long hStdInput;
    public long hStdOutput;
    public long hStdError;
}

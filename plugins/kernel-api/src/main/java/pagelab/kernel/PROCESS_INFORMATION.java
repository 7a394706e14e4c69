package pagelab.kernel;

/** What {@link Kernel32#CreateProcess} fills in: handles to the new process and its primary thread, and their ids. */
@SuppressWarnings("checkstyle:MemberName")
public final class PROCESS_INFORMATION {
    public long hProcess;
    public long hThread;
    public int dwProcessId;
    public int dwThreadId;
}

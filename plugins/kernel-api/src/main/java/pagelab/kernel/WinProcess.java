package pagelab.kernel;

import pagelab.kernel.inspect.ProcessInspector;

/**
 * A simulated Windows process: an address space, its threads, its handles. Named {@code WinProcess} so that
 * {@code import pagelab.kernel.*} does not clash with {@code java.lang.Process}.
 */
public interface WinProcess {
    /** The process id, as {@code GetCurrentProcessId} reports it. */
    int id();

    /** The image the process was started from, e.g. {@code C:\PageLab\blank.exe}. */
    String imagePath();

    boolean isAlive();

    /** The exit code; {@code STILL_ACTIVE} (259) while the process runs. */
    int exitCode();

    /** Ends the process ({@code TerminateProcess}): its address space is released and its threads stop. */
    void terminate(int exitCode);

    Kernel32 kernel32();

    Memory memory();

    Seh seh();

    /** The calling Java thread's simulated thread of this process (attached on first use). */
    ThreadContext currentThread();

    /** Read-only ground truth about this process, for checkers and the desktop. */
    ProcessInspector inspector();

    /** The machine the process runs on. */
    Machine machine();
}

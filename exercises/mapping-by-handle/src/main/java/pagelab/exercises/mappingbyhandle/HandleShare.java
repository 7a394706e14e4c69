package pagelab.exercises.mappingbyhandle;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * Sharing a paging-file section that has no name, the two ways chapter 3 gives: a child process inherits the handle,
 * or DuplicateHandle puts one into a process that is already running. The data is an ANSI, NUL-terminated string at
 * the start of a {@code SIZE}-byte section.
 *
 * <p>The checker makes one object per simulated process and calls its methods with that process's {@code Kernel32}
 * and {@code Memory}: {@link #startChild}, {@link #sendTo} and {@link #close} in the parent, {@link #readInherited} in
 * the child {@link #startChild} started, {@link #receive} in the process {@link #sendTo} sent to. The objects share
 * nothing: what one process learns, it learns from the kernel.
 */
public interface HandleShare {
    /** The section's size: one 4 KiB page. */
    int SIZE = 4096;
    /** The program the parent starts as its child (the simulation's blank program). */
    String CHILD_EXE = "C:\\PageLab\\blank.exe";

    /**
     * In the parent: creates a section of {@code SIZE} bytes backed by the paging file, with no name and an
     * inheritable handle; stores {@code text} and its NUL at its start through a view (unmapped afterwards); starts
     * {@code CHILD_EXE} with {@code CreateProcess(..., bInheritHandles TRUE, ...)} and a command line that ends with
     * the handle's value in decimal; closes the child's process and thread handles; then makes its own handle
     * non-inheritable again, so that children it starts later do not get the section, and keeps it until
     * {@link #close}.
     *
     * @return the child's process id; 0 if {@code text} is null or does not fit with its NUL, or a call failed
     *         (then nothing is left behind)
     */
    int startChild(Kernel32 kernel, Memory memory, String text);

    /**
     * In the child: reads the inherited handle's value from {@code GetCommandLine()}, maps a read-only view, reads
     * the string, unmaps the view and closes the handle.
     *
     * @return the text, or null if there is no usable handle
     */
    String readInherited(Kernel32 kernel, Memory memory);

    /**
     * In the parent: gives the running process {@code targetProcessId} a handle to a new section of {@code SIZE}
     * bytes, backed by the paging file, with no name, that holds {@code text}: open the process with
     * {@code PROCESS_DUP_HANDLE}, duplicate the section's handle into it with {@code FILE_MAP_READ} access only (it
     * may read the data, never change it), and close every handle of the parent's (the process's and its own to the
     * section), so that the section lives as long as the target's handle.
     *
     * @return the handle's value in the target process (meaningless in the parent); 0 if {@code text} is null or
     *         does not fit, or a call failed (then nothing is left behind)
     */
    long sendTo(Kernel32 kernel, Memory memory, String text, int targetProcessId);

    /**
     * In the target process: maps a read-only view of {@code hMapping}, reads the string, unmaps the view and closes
     * the handle.
     *
     * @return the text, or null if the handle cannot be mapped
     */
    String receive(Kernel32 kernel, Memory memory, long hMapping);

    /** In the parent: closes the handle {@link #startChild} kept, if any. */
    void close(Kernel32 kernel, Memory memory);
}

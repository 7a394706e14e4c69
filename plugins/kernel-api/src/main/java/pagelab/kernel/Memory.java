package pagelab.kernel;

/**
 * Loads and stores at simulated addresses of one process: dereferencing a pointer. Little-endian.
 *
 * <p>Every access is checked page by page as the MMU would. Free, reserved-only or {@code PAGE_NOACCESS}
 * memory raises {@code EXCEPTION_ACCESS_VIOLATION} ({@code ExceptionInformation[0]} = 0 read, 1 write,
 * 8 execute; {@code [1]} = the first faulting address); a {@code PAGE_GUARD} page raises
 * {@code STATUS_GUARD_PAGE_VIOLATION} once and loses its guard flag; a write to a copy-on-write page gives the
 * process a private copy. The exception goes to the calling thread's {@link Seh} handlers; a filter returning
 * {@code EXCEPTION_CONTINUE_EXECUTION} makes the access be tried again.
 */
public interface Memory {
    byte getByte(long a);

    void setByte(long a, byte v);

    short getShort(long a);

    void setShort(long a, short v);

    int getInt(long a);

    void setInt(long a, int v);

    long getLong(long a);

    void setLong(long a, long v);

    void read(long a, byte[] dst, int off, int len);

    void write(long a, byte[] src, int off, int len);

    void setMemory(long a, long len, byte v);

    /** {@code memmove}: overlapping ranges are copied as if through a temporary buffer. */
    void copy(long dst, long src, long len);

    /** Reads an ANSI (ISO-8859-1), NUL-terminated string. */
    String getString(long a);

    /** Writes an ANSI (ISO-8859-1) string and its terminating NUL. */
    void setString(long a, String s);

    /** An instruction fetch at {@code a}: faults unless the page is executable (DEP). */
    void execute(long a);
}

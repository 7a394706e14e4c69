package pagelab.kernel.host;

import java.util.List;

/**
 * The machine's file system seen from outside the simulation: checkers, tests and the desktop seed files before a
 * run and read them afterwards. Paths are Windows paths ({@code C:\data\cells.bin}), compared without regard to
 * case. Nothing here is traced or charged to a process. Thread-safe.
 */
public interface HostFiles {
    /** Creates or replaces a file with the given bytes. */
    void write(String path, byte[] content);

    /**
     * Creates or replaces a file of {@code size} bytes whose content is generated page by page on demand: files of
     * several GiB cost no host memory until pages are written.
     */
    void createGenerated(String path, long size, FileContent content);

    /** The whole content; throws IllegalArgumentException if the file is missing or over 1 GiB. */
    byte[] read(String path);

    /** Up to {@code length} bytes from {@code offset} (fewer at the end of the file). */
    byte[] read(String path, long offset, int length);

    /** The size in bytes, or -1 if there is no such file. */
    long size(String path);

    boolean exists(String path);

    /** Deletes a file; false if it does not exist or is open (as DeleteFile would fail). */
    boolean delete(String path);

    /** Every file's path, sorted. */
    List<String> list();
}

package pagelab.kernel.host;

/**
 * Generated content of a large simulated file: fills the bytes of the file starting at {@code offset} (a multiple of
 * 4096) into {@code page} (4096 bytes, zero on entry). Must be a pure function of the offset, so that a file of
 * several GiB needs no host memory until it is written.
 */
@FunctionalInterface
public interface FileContent {
    void fill(long offset, byte[] page);
}

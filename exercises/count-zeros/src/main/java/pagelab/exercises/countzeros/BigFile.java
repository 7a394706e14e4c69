package pagelab.exercises.countzeros;

/**
 * The content of the big file, generated page by page so that it costs no host memory: every 16th page holds a
 * non-zero byte at every 7th offset, every other page is all zeros. The zeros can be counted without reading it.
 */
final class BigFile {
    private static final int PAGE = 4096;

    private BigFile() {
    }

    /** {@link pagelab.kernel.host.FileContent}: the page at {@code offset}, zero on entry. */
    static void fill(long offset, byte[] page) {
        if ((offset / PAGE) % 16 == 0) {
            for (int i = 0; i < page.length; i += 7) {
                page[i] = (byte) (1 + (offset / PAGE + i) % 255);
            }
        }
    }

    /** The number of zero bytes in the first {@code size} bytes. */
    static long zeros(long size) {
        long nonZero = 0;
        for (long page = 0; page * PAGE < size; page += 16) {
            long bytes = Math.min(PAGE, size - page * PAGE);
            nonZero += (bytes + 6) / 7;
        }
        return size - nonZero;
    }
}

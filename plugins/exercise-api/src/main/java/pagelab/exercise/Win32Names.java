package pagelab.exercise;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.format.Win32Format;

/**
 * Win32 names for the numbers in check messages, so a student reads {@code ERROR_INVALID_ADDRESS (487)} and
 * {@code PAGE_READWRITE}, as the SDK headers name them, instead of bare numbers. The exercise SDK's name for
 * {@link Win32Format}, which does the work (PageLab has one formatter, shared with the kernel's trace and the
 * desktop); kept so that checkers written against this SDK keep compiling. Thread-safe.
 *
 * @since 0.1
 */
public final class Win32Names {
    private Win32Names() {
    }

    /** {@code ERROR_INVALID_ADDRESS (487)}; an unknown code as {@code error 12345}. */
    public static String error(int code) {
        return Win32Format.error(code);
    }

    /** {@code EXCEPTION_ACCESS_VIOLATION (0xC0000005)}; an unknown code as {@code exception 0x...}. */
    public static String exceptionCode(int code) {
        return Win32Format.exceptionCode(code);
    }

    /** {@code EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40000}: see {@link Win32Format#exception}. */
    public static String exception(EXCEPTION_RECORD r) {
        return Win32Format.exception(r);
    }

    /** A protection with its modifiers: {@code PAGE_READWRITE|PAGE_GUARD}; 0 as {@code 0}. */
    public static String protection(int protect) {
        return Win32Format.protection(protect);
    }

    /** {@code MEM_*} flags or a single state or type: {@code MEM_COMMIT|MEM_RESERVE}, {@code MEM_FREE}. */
    public static String mem(int flags) {
        return Win32Format.mem(flags);
    }

    /** An address as the SDK debuggers print it: 8 hex digits, or 16 when it needs more than 32 bits. */
    public static String hex(long address) {
        return Win32Format.address(address);
    }

    /** A traced number read back: see {@link Win32Format#parseHex}. */
    public static long parseHex(String text) {
        return Win32Format.parseHex(text);
    }

    /** {@code 1 page}, {@code 1,600 pages}. */
    public static String pages(long count) {
        return Win32Format.pages(count);
    }

    /** {@code 6,553,600 bytes}. */
    public static String bytes(long count) {
        return Win32Format.bytes(count);
    }

    /**
     * A stack frame as a student reads it: {@code SparseSpreadsheet.setCell(SparseSpreadsheet.java:42)}, without the
     * class loader's name that {@link StackTraceElement#toString} puts in front ({@code student//...}).
     *
     * @since 0.1.2
     */
    public static String frame(StackTraceElement e) {
        return new StackTraceElement(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber())
                .toString();
    }

    /**
     * {@code 1 block}, {@code 2 blocks}, {@code 1,024 blocks}: a count with its noun in the right number (English
     * plural with "s").
     *
     * @since 0.1.2
     */
    public static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}

package pagelab.exercises.filereverse;

import static pagelab.exercises.filereverse.Reversal.firstDifference;
import static pagelab.exercises.filereverse.Reversal.reversed;
import static pagelab.exercises.filereverse.Reversal.text;

import java.nio.charset.StandardCharsets;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.WinError;
import pagelab.kernel.host.FileContent;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code file-reverse}. Each writes a file into the fresh machine's file system, runs the student's
 * {@code reverse} on it once, and judges the file's bytes and size and the calls made, from outside.
 */
public class FileReverseChecks {
    private static final byte[] HELLO = "Hello, FileRev!\r\nThe quick brown fox jumps over the lazy dog.\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Check(points = 20, title = "A small text file is reversed in place", order = 1)
    public CheckResult reversesSmallFile(FileReverser solution, CheckContext ctx) {
        Reversal r = Reversal.of(ctx, solution, "hello.txt", HELLO);
        if (!r.returned) {
            int error = ctx.kernel32().GetLastError();
            return CheckResult.fail(Msg.of("small.expected", "reverse(\"{0}\") to return true", r.path),
                    error != 0 ? Msg.of("small.returned-false-error", "it returned false (GetLastError {0})",
                    Win32Names.error(error)) : Msg.of("small.returned-false", "it returned false"))
                    .hint("open-fails",
                            "Open with GENERIC_READ | GENERIC_WRITE and OPEN_EXISTING; map with PAGE_READWRITE and "
                            + "FILE_MAP_WRITE.")
                    .evidence(ctx.traceEvidence());
        }
        int at = firstDifference(r.head(), reversed(HELLO));
        return (at < 0 ? CheckResult.pass(Msg.of("small.pass", "The {0} of {1} are reversed.",
                bytes(HELLO.length), r.path)) : CheckResult.partial(5, Msg.of("small.not-reversed", "The file's "
                + "bytes are not reversed: the first difference is at offset {0} of {1}.", String.valueOf(at),
                bytes(HELLO.length)))
                .hint("swap-ends",
                        "Swap the byte at the start with the one before the terminating zero, and move both inwards."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "The file gets its old size back", after = "reversesSmallFile", order = 2)
    public CheckResult restoresFileSize(FileReverser solution, CheckContext ctx) {
        Tally t = new Tally();
        for (int size : new int[] {HELLO.length, 4095, 5000}) {
            Reversal r = Reversal.of(ctx, solution, "size" + size + ".txt", text(size));
            t.expect(r.sizeNow() == size, Msg.of("size.changed", "{0} was {1} and is {2} after reverse", r.path,
                    bytes(size), r.describeSize()));
            sizeHint(t, r);
        }
        return t.result(15, Msg.of("size.pass", "Files of {0}, {1} and {2} bytes kept their sizes: "
                        + "the extra byte for the zero was cut off again.", HELLO.length, 4095, 5000))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "The mapping is one byte larger than the file", after = "reversesSmallFile", order = 3)
    public CheckResult mappingOneByteLarger(FileReverser solution, CheckContext ctx) {
        Reversal r = Reversal.of(ctx, solution, "hello.txt", HELLO);
        long mapped = r.mappingSize();
        if (mapped == HELLO.length + 1) {
            return CheckResult.pass(Msg.of("mapping.pass", "CreateFileMapping asked for {0}: the file's {1} "
                    + "and one for the terminating zero.", bytes(mapped), HELLO.length)).evidence(ctx.traceEvidence());
        }
        return CheckResult.fail(Msg.of("mapping.expected", "a mapping of {0} (file size + 1)", bytes(HELLO.length + 1)),
                        mapped < 0 ? Msg.of("mapping.never-created", "CreateFileMapping was never called")
                        : mapped == 0 ? Msg.of("mapping.zero", "CreateFileMapping asked for 0 (the file's size)")
                        : Msg.of("mapping.asked", "CreateFileMapping asked for {0}", bytes(mapped)))
                .hint("maps-exact-size", "dwMaximumSizeHigh/Low = file size + 1: the string's zero must lie inside the mapping, not in "
                        + "whatever follows the file in its last page.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "An empty file stays empty", after = "reversesSmallFile", order = 4)
    public CheckResult emptyFile(FileReverser solution, CheckContext ctx) {
        Reversal r = Reversal.of(ctx, solution, "empty.txt", new byte[0]);
        Tally t = new Tally();
        t.expect(2, r.returned, r.failed("CreateFileMapping") != null ? Msg.of("empty.mapping-failed", "reverse of "
                + "an empty file returned false: CreateFileMapping failed with {0} (a mapping of 0 bytes of an empty "
                + "file)", Win32Names.error(r.failed("CreateFileMapping").lastError()))
                : Msg.of("empty.returned-false", "reverse of an empty file returned false"))
                .hint(r.failed("CreateFileMapping") != null ? "maps-exact-size" : "empty-file", "CreateFileMapping "
                        + "refuses a size of 0 for an empty file (ERROR_FILE_INVALID); size + 1 is 1.");
        t.expect(2, r.sizeNow() == 0, Msg.of("empty.size", "the empty file is {0} afterwards", r.describeSize()));
        sizeHint(t, r);
        return t.result(10, Msg.of("empty.pass", "The empty file was mapped with 1 byte and cut back to 0."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "A file of exactly two pages is reversed", after = "reversesSmallFile", order = 5)
    public CheckResult handlesPageMultipleFile(FileReverser solution, CheckContext ctx) {
        byte[] content = text(8192);
        Reversal r = Reversal.of(ctx, solution, "pages.txt", content);
        int at = firstDifference(r.head(), reversed(content));
        Tally t = new Tally();
        t.expect(r.returned, Msg.of("reverse.returned-false", "reverse returned false")).hint("reverse-failed",
                failedCallHint(r));
        t.expect(2, at < 0, Msg.of("reverse.not-reversed", "the {0} are not reversed (first difference at offset "
                + "{1})", bytes(8192), String.valueOf(at)))
                .hint("reverse-order", "Reverse all " + Win32Names.bytes(8192) + ": byte i swaps with byte size - 1 - "
                        + "i; the zero at offset 8,192 is not part of the text.");
        return t.result(10, Msg.of("pages.pass", "The {0}-byte file (no slack at the end of its last "
                + "page) was reversed.",
                8192))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "A 2 MiB file is reversed", after = "reversesSmallFile", order = 6)
    public CheckResult largeFile(FileReverser solution, CheckContext ctx) {
        int size = 2 * 1024 * 1024 + 3;
        FileContent content = (offset, page) -> {
            for (int i = 0; i < page.length; i++) {
                long at = offset + i;
                page[i] = (byte) ('a' + (at * 31 + at / 4096) % 26);
            }
        };
        ctx.machine().files().createGenerated(Reversal.DIR + "large.txt", size, content);
        byte[] original = ctx.machine().files().read(Reversal.DIR + "large.txt");
        Reversal r = Reversal.run(ctx, solution, Reversal.DIR + "large.txt", size);
        int at = firstDifference(r.head(), reversed(original));
        Tally t = new Tally();
        t.expect(r.returned, Msg.of("reverse.returned-false", "reverse returned false")).hint("reverse-failed",
                failedCallHint(r));
        t.expect(3, at < 0, Msg.of("reverse.not-reversed", "the {0} are not reversed (first difference at offset "
                + "{1})", bytes(size), String.valueOf(at))).hint("reverse-order", "One view of the whole file "
                + "(MapViewOfFile with 0 bytes) reverses it "
                + "all; keep offsets and sizes in long, not in a short or char.");
        return t.result(15, Msg.of("large.pass", "The {0} file ({1}) was reversed through one view.", bytes(size),
                        pages((size + 4095) / 4096)))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Views are unmapped and handles closed", after = "reversesSmallFile", order = 7)
    public CheckResult closesEverything(FileReverser solution, CheckContext ctx) {
        Reversal r = Reversal.of(ctx, solution, "hello.txt", HELLO);
        Tally t = new Tally();
        t.expect(2, r.views() == 0, Msg.of("close.views", "after reverse the process still has {0} mapped view(s)",
                r.views()));
        t.expect(2, r.openHandles().isEmpty(), Msg.of("close.handles", "after reverse these handles are still "
                + "open: {0}", r.openHandles().toString()));
        t.expect(1, r.files().delete(r.path), Msg.of("close.file-open", "the file cannot be deleted after reverse: "
                + "it is still open"));
        return t.result(15, Msg.of("close.pass", "No view left, every handle closed, and the file could be "
                        + "deleted."))
                .hint("leaks-handles", "Undo in reverse order: UnmapViewOfFile, CloseHandle(mapping), "
                        + "CloseHandle(file).")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after reverse"));
    }

    @Check(points = 5, title = "A missing file is reported, not created", order = 8)
    public CheckResult missingFile(FileReverser solution, CheckContext ctx) {
        Reversal r;
        try {
            r = Reversal.run(ctx, solution, Reversal.DIR + "missing.txt", -1);
        } catch (RuntimeException e) {
            return CheckResult.fail(Msg.of("missing.expected", "reverse of a missing file to return false"),
                    Msg.of("missing.threw", "it threw {0}", String.valueOf(e)));
        }
        Tally t = new Tally();
        t.expect(2, !r.returned, Msg.of("missing.returned-true", "reverse of {0}, which does not exist, returned true",
                r.path));
        t.expect(1, !r.files().exists(r.path), Msg.of("missing.created", "reverse created {0}", r.path));
        return t.result(5, Msg.of("missing.pass", "The missing file was reported (CreateFile failed with "
                        + "ERROR_FILE_NOT_FOUND) and not created."))
                .hint("creates-missing-file",
                        "OPEN_EXISTING fails for a missing file; CREATE_ALWAYS or OPEN_ALWAYS would create it.")
                .evidence(ctx.traceEvidence());
    }

    // Why a file kept the byte the mapping added: SetEndOfFile refused while the view or mapping was open, or never
    // ran.
    private static void sizeHint(Tally t, Reversal r) {
        KernelCall cut = r.failed("SetEndOfFile");
        if (cut != null && cut.lastError() == WinError.ERROR_USER_MAPPED_FILE) {
            t.hint("truncates-while-mapped", "SetEndOfFile failed with ERROR_USER_MAPPED_FILE: a file cannot be cut "
                    + "while a view or the mapping is open. Unmap the view and close the mapping first, then cut.");
        } else {
            t.hint("forgets-set-end-of-file", "The mapping one byte larger grows the file. Unmap the view and close "
                    + "the mapping first, then SetFilePointerEx(hFile, size, NULL, FILE_BEGIN) and SetEndOfFile(hFile).");
        }
    }

    /** {@code 1 byte}, {@code 4,095 bytes}, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }

    /** {@code 1 page}, {@code 513 pages}, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", count);
    }

    // A reverse that returned false: name the call that failed, which the student can find in the trace.
    private static String failedCallHint(Reversal r) {
        for (String f : new String[] {"CreateFile", "CreateFileMapping", "MapViewOfFile", "SetFilePointerEx",
            "SetEndOfFile"}) {
            KernelCall k = r.failed(f);
            if (k != null) {
                return f + " failed with " + Win32Names.error(k.lastError()) + ": look at its arguments in the trace.";
            }
        }
        return "reverse returned false although no kernel call failed: return true once the file is reversed.";
    }
}

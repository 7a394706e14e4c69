package pagelab.exercises.copyviewsflush;

import static pagelab.exercise.Win32Names.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.PageInfo;

/**
 * The checks of {@code copy-views-flush}. The checker writes the file, opens the student's document, edits the draft
 * itself, calls save, revert or close, and reads the outcome from three places: the file's content (the machine's
 * file system), the live view, and the kernel's record of each page (protection, copy-on-write, dirty: written
 * since last brought in or flushed, i.e. not yet on disk).
 */
public class CopyViewsFlushChecks {
    static final String PATH = "C:\\PageLab\\draft.txt";
    static final int PAGE = 4096;
    static final int SIZE = 3 * PAGE;

    @Check(points = 15, title = "open maps a copy-on-write draft and a writable live view of one mapping", order = 1)
    public CheckResult opensTwoViews(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        Tally t = new Tally();
        t.expect(ctx.calls("CreateFileMapping").size() == 1, Msg.of("views.mappings", "{0} CreateFileMapping calls; "
                + "one mapping object serves both views", ctx.calls("CreateFileMapping").size()));
        for (int page = 0; page < 3; page++) {
            PageInfo d = ctx.page(s.draft + (long) page * PAGE);
            PageInfo l = ctx.page(s.live + (long) page * PAGE);
            t.expect(2, d.type() == WinNT.MEM_MAPPED && d.protect() == WinNT.PAGE_WRITECOPY, Msg.of(
                    "views.draft-protection", "draft page {0} is {1}; a FILE_MAP_COPY view's pages are PAGE_WRITECOPY",
                    hex(d.address()), Win32Names.protection(d.protect())));
            t.expect(l.type() == WinNT.MEM_MAPPED && l.protect() == WinNT.PAGE_READWRITE, Msg.of(
                    "views.live-protection", "live page {0} is {1}; a FILE_MAP_WRITE view's pages are PAGE_READWRITE",
                    hex(l.address()), Win32Names.protection(l.protect())));
        }
        t.expect(Arrays.equals(s.read(s.draft, 0, SIZE), original()) && Arrays.equals(s.read(s.live, 0, SIZE),
                original()), Msg.of("views.content", "the views do not both show the file's {0} bytes",
                String.valueOf(SIZE)));
        s.doc(() -> {
            doc.close();
            return null;
        }, "close()");
        return t.result(15, Msg.of("views.pass", "One mapping, a PAGE_WRITECOPY draft at {0} and a PAGE_READWRITE "
                        + "live view at {1}, both showing the whole file.", hex(s.draft), hex(s.live)))
                .hint(noCopyView(ctx, s) ? "draft-is-write-view" : "opens-views", (noCopyView(ctx, s) ? "No view was "
                        + "mapped with FILE_MAP_COPY: the draft must be a copy-on-write view. " : "")
                        + "CreateFileMapping(hFile, NULL, PAGE_READWRITE, 0, 0, NULL), then MapViewOfFile with "
                        + "FILE_MAP_COPY for the draft and FILE_MAP_WRITE for the live view.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 20, title = "Edits in the draft reach neither the file nor the live view", after = "opensTwoViews",
            order = 2)
    public CheckResult draftEditsStayPrivate(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        s.edit(100, "first edit");
        s.edit(2 * PAGE + 7, "second edit");
        Tally t = new Tally();
        t.expect(2, Arrays.equals(s.file(), original()), Msg.of("private.file-changed", "the file changed: {0}",
                s.fileDifference()));
        t.expect(2, Arrays.equals(s.read(s.live, 0, SIZE), original()), Msg.of("private.live-changed", "the live "
                + "view at {0} shows the draft's edits", hex(s.live)));
        PageInfo edited = ctx.page(s.draft);
        t.expect(edited.protect() == WinNT.PAGE_READWRITE && !edited.copyOnWrite(), Msg.of("private.no-copy", "the "
                + "edited draft page {0} is {1}; after a write to a PAGE_WRITECOPY page the process has a private "
                + "PAGE_READWRITE copy", hex(s.draft), Win32Names.protection(edited.protect())));
        t.expect(ctx.page(s.draft + PAGE).copyOnWrite(), Msg.of("private.unwritten-not-cow", "the draft page {0}, "
                + "never written, is no longer copy-on-write", hex(s.draft + PAGE)));
        return t.result(20, Msg.of("private.pass", "The draft's edits went to private copies of its pages 0 and 2; "
                        + "the file and the live view kept the original bytes."))
                .hint(noCopyView(ctx, s) ? "draft-is-write-view" : "draft-not-private", "Only a FILE_MAP_COPY view keeps writes private: its first write to a page gives the process a "
                        + "copy, and the file's page is left alone.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 20, title = "save puts the bytes in every view and on disk", after = "opensTwoViews", order = 3)
    public CheckResult saveReachesTheDisk(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        int offset = PAGE + 50;
        byte[] text = s.edit(offset, "saved words");
        boolean ok = s.doc(() -> doc.save(offset, text.length), "save(" + offset + ", " + text.length + ")");
        Tally t = new Tally();
        t.expect(ok, Msg.of("save.returned-false", "save returned false")).hint("save-result", "save returns true "
                + "once the range is in the live view and flushed.");
        t.expect(2, Arrays.equals(s.read(s.live, offset, text.length), text), Msg.of("save.not-in-live", "the live "
                + "view does not show the saved bytes at offset {0}", String.valueOf(offset)))
                .hint(flushedDraft(ctx, s) ? "flushes-draft" : "save-copies", flushedDraft(ctx, s)
                        ? "FlushViewOfFile on the draft writes nothing of its own: its private pages never go to the "
                        + "file. Copy the range into the live view, then flush the live view."
                        : "Copy the range from the draft into the live view (memory.copy), then flush the live view.");
        t.expect(2, Arrays.equals(Arrays.copyOfRange(s.file(), offset, offset + text.length), text), Msg.of(
                "save.not-in-file", "the file does not hold the saved bytes at offset {0}", String.valueOf(offset)));
        PageInfo page = ctx.page(s.live + PAGE);
        t.expect(2, !page.dirty(), Msg.of("save.still-dirty", "the file's page at offset {0} is still dirty after "
                + "save: the bytes are in memory but were not written to disk (FlushViewOfFile)", hex(PAGE)))
                .hint("no-flush",
                "The bytes are in the live view but not on disk yet: FlushViewOfFile(live + offset, length) writes "
                + "them.");
        return t.result(20, Msg.of("save.pass", "After save the saved bytes were in the live view and the file, "
                        + "and their page was written to disk."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "save saves only its range", after = "opensTwoViews", order = 4)
    public CheckResult saveOnlyTheRange(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        byte[] kept = s.edit(10, "to be saved");
        byte[] unsaved = s.edit(2 * PAGE + 300, "not saved yet");
        s.doc(() -> doc.save(10, kept.length), "save(10, " + kept.length + ")");
        Tally t = new Tally();
        int at = 2 * PAGE + 300;
        t.expect(2, Arrays.equals(s.read(s.live, at, unsaved.length), Arrays.copyOfRange(original(), at,
                at + unsaved.length)), Msg.of("range.in-live", "the live view shows the unsaved edit at offset {0}, "
                + "outside the range saved", String.valueOf(at)));
        t.expect(Arrays.equals(Arrays.copyOfRange(s.file(), at, at + unsaved.length), Arrays.copyOfRange(original(),
                at, at + unsaved.length)), Msg.of("range.in-file", "the file holds the unsaved edit at offset {0}",
                String.valueOf(at)));
        return t.result(10, Msg.of("range.pass", "save(10, {0}) left the edit at offset {1} in the draft only.",
                        String.valueOf(kept.length), String.valueOf(at)))
                .hint(noCopyView(ctx, s) ? "draft-is-write-view" : "saves-whole-view", noCopyView(ctx, s)
                        ? "The draft writes straight to the file: map it with FILE_MAP_COPY, so edits stay private "
                        + "until saved." : "Copy exactly [offset, offset + length) into the live view.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 20, title = "revert drops the unsaved edits and shows the file as it is now",
            after = "opensTwoViews", order = 5)
    public CheckResult revertDropsEdits(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        int editAt = 2 * PAGE + 40;
        s.edit(editAt, "an unsaved edit");
        // Another writer changes the file through the live view meanwhile.
        byte[] other = "written through the live view".getBytes(StandardCharsets.US_ASCII);
        ctx.memory().write(s.live + 20, other, 0, other.length);
        boolean ok = s.doc(doc::revert, "revert()");
        long draft = doc.draft();
        Tally t = new Tally();
        t.expect(ok && draft != 0, Msg.of("revert.returned", "revert returned {0} and draft() is {1}",
                String.valueOf(ok), hex(draft)));
        if (draft != 0 && ctx.page(draft).state() == WinNT.MEM_COMMIT) {
            byte[] now = s.read(draft, 0, SIZE);
            byte[] want = original();
            System.arraycopy(other, 0, want, 20, other.length);
            t.expect(2, Arrays.equals(Arrays.copyOfRange(now, editAt, editAt + 15), Arrays.copyOfRange(want, editAt,
                    editAt + 15)), Msg.of("revert.edit-kept", "after revert the draft still shows the unsaved edit "
                    + "at offset {0}", String.valueOf(editAt)));
            t.expect(Arrays.equals(now, want), Msg.of("revert.stale", "after revert the draft does not show the "
                    + "file as it is now (the bytes written through the live view at offset 20)"));
            t.expect(ctx.page(draft + 2L * PAGE).copyOnWrite(), Msg.of("revert.still-private", "after revert the "
                    + "draft's page {0} is still a private copy, not PAGE_WRITECOPY", hex(draft + 2L * PAGE)));
        } else {
            t.expect(2, false, Msg.of("revert.not-mapped", "after revert, draft() {0} is no mapped view",
                    hex(draft)));
        }
        return t.result(20, Msg.of("revert.pass", "revert threw the private pages away; the new draft showed the "
                        + "file with the live view's change and without the unsaved edit."))
                .hint(noCopyView(ctx, s) ? "draft-is-write-view" : "revert-by-flush", (noCopyView(ctx, s) ? "The draft "
                        + "is no FILE_MAP_COPY view, so its edits are already in the file. " : "") + "A copy-on-write "
                        + "view's private pages live as long as the view: UnmapViewOfFile it and map a "
                        + "new FILE_MAP_COPY view. FlushViewOfFile never touches private pages.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "close unmaps both views and closes both handles", after = "opensTwoViews", order = 6)
    public CheckResult closeReleasesEverything(Document doc, CheckContext ctx) {
        Session s = Session.open(ctx, doc);
        byte[] saved = "kept".getBytes(StandardCharsets.US_ASCII);
        ctx.memory().write(s.live, saved, 0, saved.length);
        s.doc(() -> {
            doc.close();
            return null;
        }, "close()");
        Tally t = new Tally();
        long mapped = ctx.snapshot().allocations().stream().filter(a -> a.type() == WinNT.MEM_MAPPED).count();
        t.expect(2, mapped == 0, Msg.of("close.views-left", "{0} mapped view(s) are left after close: {1}", mapped,
                ctx.snapshot().allocations().stream().filter(a -> a.type() == WinNT.MEM_MAPPED)
                        .map(Allocation::base).map(Win32Names::hex).toList().toString()));
        byte[] file = s.file();
        t.expect(Arrays.equals(Arrays.copyOfRange(file, 0, 4), saved), Msg.of("close.lost-bytes", "after close the "
                + "file lost the bytes written through the live view (unmapping keeps the file's dirty pages; they "
                + "are written lazily)"));
        t.expect(ctx.machine().files().delete(PATH), Msg.of("close.file-open", "after close the file is still open: "
                + "a handle or a view still refers to it"));
        return t.result(15, Msg.of("close.pass", "close left no view mapped and the file closed, with the bytes "
                        + "written through the live view in it."))
                .hint("leaks-views", "UnmapViewOfFile(draft), UnmapViewOfFile(live), CloseHandle(mapping), CloseHandle(file).")
                .evidence(ctx.traceEvidence());
    }

    /** The file's bytes before any check: printable text, different on every page. */
    static byte[] original() {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            b[i] = (byte) ('a' + (i / 7 + i / PAGE) % 26);
        }
        return b;
    }

    /** One opened document in the check's process. */
    static final class Session {
        final CheckContext ctx;
        final Document doc;
        final long draft;
        final long live;

        private Session(CheckContext ctx, Document doc, long draft, long live) {
            this.ctx = ctx;
            this.doc = doc;
            this.draft = draft;
            this.live = live;
        }

        static Session open(CheckContext ctx, Document doc) {
            ctx.machine().files().write(PATH, original());
            Session probe = new Session(ctx, doc, 0, 0);
            boolean ok = probe.doc(() -> doc.open(ctx.kernel32(), ctx.memory(), PATH), "open(\"" + PATH + "\")");
            long draft = doc.draft();
            long live = doc.live();
            if (!ok || !mapped(ctx, draft) || !mapped(ctx, live) || draft == live) {
                throw new CheckFailedException(CheckResult.fail(Msg.of("open.expected", "open to map two views of "
                        + "{0}", PATH), Msg.of("open.actual", "open returned {0}, draft() {1}, live() {2}",
                        String.valueOf(ok), hex(draft), hex(live)))
                        .hint("open-fails", "CreateFile, CreateFileMapping, then MapViewOfFile twice.")
                        .evidence(ctx.traceEvidence()));
            }
            return new Session(ctx, doc, draft, live);
        }

        private static boolean mapped(CheckContext ctx, long address) {
            if (address == 0) {
                return false;
            }
            Allocation a = ctx.snapshot().allocationAt(address);
            return a != null && a.type() == WinNT.MEM_MAPPED && a.base() == address && a.size() >= SIZE
                    && ctx.page(address).state() == WinNT.MEM_COMMIT;
        }

        /** Writes {@code text} into the draft at {@code offset}, as the user's edit. */
        byte[] edit(int offset, String text) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            ctx.memory().write(draft + offset, b, 0, b.length);
            return b;
        }

        byte[] read(long view, int offset, int length) {
            byte[] b = new byte[length];
            ctx.memory().read(view + offset, b, 0, length);
            return b;
        }

        byte[] file() {
            return ctx.machine().files().read(PATH);
        }

        /** Where the file differs from {@link #original()}; offsets and sizes as plain digits, as code shows them. */
        Msg fileDifference() {
            byte[] f = file();
            for (int i = 0; i < Math.min(f.length, SIZE); i++) {
                if (f[i] != original()[i]) {
                    return Msg.of("file.byte-differs", "offset {0} holds '{1}', not '{2}'", String.valueOf(i),
                            String.valueOf((char) f[i]), String.valueOf((char) original()[i]));
                }
            }
            return Msg.of("file.size", "its size is {0}", String.valueOf(f.length));
        }

        <T> T doc(Supplier<T> action, String what) {
            try {
                return action.get();
            } catch (UnhandledSehException e) {
                throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.",
                        what, Win32Names.exception(e.record()))).evidence(ctx.traceEvidence()));
            }
        }
    }

    // The draft open mapped was not asked for with FILE_MAP_COPY: it writes through to the file.
    private static boolean noCopyView(CheckContext ctx, Session s) {
        return ctx.calls("MapViewOfFile").stream().anyMatch(c -> !c.failed()
                && Win32Names.parseHex(c.result()) == s.draft
                && Win32Names.parseHex(c.arguments().get(1)) != WinNT.FILE_MAP_COPY);
    }

    // save flushed an address of the draft view rather than of the live one.
    private static boolean flushedDraft(CheckContext ctx, Session s) {
        return ctx.calls("FlushViewOfFile").stream().anyMatch(c -> {
            long at = Win32Names.parseHex(c.arguments().get(0));
            return at >= s.draft && at < s.draft + SIZE;
        });
    }
}

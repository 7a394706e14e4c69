package pagelab.exercises.namedsharedmemory;

import static pagelab.exercises.namedsharedmemory.Copies.quote;
import static pagelab.exercises.namedsharedmemory.MemoShare.ALREADY_EXISTS;
import static pagelab.exercises.namedsharedmemory.MemoShare.CREATED;
import static pagelab.exercises.namedsharedmemory.MemoShare.FAILED;
import static pagelab.exercises.namedsharedmemory.MemoShare.NAME;
import static pagelab.exercises.namedsharedmemory.MemoShare.SIZE;

import java.util.List;
import java.util.function.IntSupplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.exercises.namedsharedmemory.Copies.Copy;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinError;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code named-shared-memory}. Each starts copies of the student's program as separate processes of a
 * fresh machine and looks at the mapping named {@code MMFSharedData} from the checker's own process.
 */
public class NamedSharedMemoryChecks {
    private static final String ALREADY = "ERROR_ALREADY_EXISTS";

    @Check(points = 15, title = "create makes a paging-file mapping named MMFSharedData holding the text", order = 1)
    public CheckResult createsPagingFileMapping(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy a = copies.start();
        String text = "Some data from " + a.name();
        int result = copies.create(a, text);
        List<KernelCall> made = copies.calls(a, "CreateFileMapping");
        if (!copies.exists()) {
            KernelCall last = made.isEmpty() ? null : made.get(made.size() - 1);
            Msg why = last == null ? Msg.of("create.never-called", "it never called CreateFileMapping")
                    : last.failed() ? Msg.of("create.call-failed", "its {0} failed with {1}", String.valueOf(last),
                    Win32Names.error(last.lastError()))
                    : Msg.of("create.not-kept", "its {0} made no object that outlived create", String.valueOf(last));
            return CheckResult.fail(Msg.of("create.no-mapping", "After create in {0} no mapping named {1} exists: "
                            + "{2}.", a.label(), NAME, why), Msg.of("create.expected", "OpenFileMapping(\"{0}\") to "
                            + "succeed", NAME), Msg.text("ERROR_FILE_NOT_FOUND"))
                    .hint("no-mapping", "CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, \"MMFSharedData\"): "
                            + "INVALID_HANDLE_VALUE asks for storage from the paging file; keep the handle.")
                    .evidence(copies.trace());
        }
        Tally t = new Tally();
        t.expect(2, result == CREATED, Msg.of("create.returned", "create returned {0}, expected CREATED ({1})", result,
                CREATED))
                .hint("create-result", "create returns CREATED when CreateFileMapping made a new object.");
        KernelCall first = made.get(0);
        t.expect(1, first.arguments().get(0).equals("INVALID_HANDLE_VALUE"), Msg.of("create.file-handle",
                "CreateFileMapping got file handle {0} instead of INVALID_HANDLE_VALUE: Windows happens to take NULL "
                + "as \"no file\" too, but INVALID_HANDLE_VALUE is what the documentation asks for",
                first.arguments().get(0)))
                .hint("null-file-handle", "Pass INVALID_HANDLE_VALUE as the file handle for a mapping backed by the "
                        + "paging file.");
        String content = copies.content();
        t.expect(3, text.equals(content), Msg.of("create.content", "the mapping holds {0}, expected {1}",
                quote(content), quote(text)))
                .hint("text-not-stored", "Copy the text and its NUL to the start of a view: "
                        + "memory.setString(view, text).");
        return t.result(15, Msg.of("create.pass", "create made {0} from the paging file and stored {1}.", NAME,
                        quote(text)))
                .evidence(copies.trace());
    }

    @Check(points = 15, title = "Another process reads the data by name", after = "createsPagingFileMapping",
            order = 2)
    public CheckResult secondProcessReadsData(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy a = copies.start();
        Copy b = copies.start();
        String text = "Hello from " + a.name();
        copies.create(a, text);
        Tally t = new Tally();
        String got = copies.read(b);
        t.expect(3, text.equals(got), Msg.of("read.returned", "read in {0} returned {1}, expected {2}", b.label(),
                quote(got), quote(text)));
        copies.overwrite("Changed by the checker");
        String again = copies.read(b);
        t.expect(1, "Changed by the checker".equals(again), Msg.of("read.stale", "after the checker changed the "
                + "shared data, read in {0} returned {1}: read must look at the mapping every time", b.label(),
                quote(again)));
        return t.result(15, Msg.of("read.pass", "{0} read {1} that {2} stored, and saw a later change too.",
                        b.label(), quote(text), a.label()))
                .hint("read-by-name", "OpenFileMapping(FILE_MAP_READ, FALSE, \"MMFSharedData\"), MapViewOfFile, memory.getString.")
                .evidence(copies.trace());
    }

    @Check(points = 15, title = "A second create reports ERROR_ALREADY_EXISTS and keeps the data",
            after = "createsPagingFileMapping", order = 3)
    public CheckResult reportsAlreadyExists(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy a = copies.start();
        Copy b = copies.start();
        copies.create(a, "first");
        int result = copies.create(b, "second");
        Tally t = new Tally();
        t.expect(2, result == ALREADY_EXISTS, Msg.of("exists.returned", "create in {0} returned {1}, expected "
                + "ALREADY_EXISTS ({2}): CreateFileMapping returned a handle with {3}", b.label(), result,
                ALREADY_EXISTS, ALREADY));
        String content = copies.content();
        t.expect(2, "first".equals(content), Msg.of("exists.overwritten", "the mapping holds {0} after the second "
                + "create; expected \"first\", untouched", quote(content)));
        t.expect(1, copies.openMappingHandles(b).isEmpty(), Msg.of("exists.handle-kept", "{0} still holds mapping "
                + "handle(s) {1} after finding that the mapping existed", b.label(),
                String.valueOf(copies.openMappingHandles(b))));
        return t.result(15, Msg.of("exists.pass", "The second create saw {0}, closed its handle and left \"first\" "
                        + "alone.", ALREADY))
                .hint("ignores-already-exists", "CreateFileMapping returns a valid handle even when the object exists; check GetLastError() "
                        + "for ERROR_ALREADY_EXISTS right after it.")
                .evidence(copies.trace());
    }

    @Check(points = 10, title = "read without a mapping returns null and creates nothing", order = 4)
    public CheckResult readWithoutMappingFails(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy b = copies.start();
        String got = copies.read(b);
        Tally t = new Tally();
        t.expect(2, got == null, Msg.of("no-mapping.returned", "with no mapping named {0}, read returned {1} instead "
                + "of null", NAME, quote(got)));
        t.expect(1, copies.calls(b, "CreateFileMapping").isEmpty(), Msg.of("no-mapping.creates", "read called "
                + "CreateFileMapping, which creates the mapping when it does not exist"));
        t.expect(1, !copies.exists(), Msg.of("no-mapping.exists", "after read a mapping named {0} exists", NAME));
        return t.result(10, Msg.of("no-mapping.pass", "read found no mapping (OpenFileMapping failed with "
                        + "ERROR_FILE_NOT_FOUND) and returned null."))
                .hint("read-creates", "OpenFileMapping only opens: it fails with ERROR_FILE_NOT_FOUND when nobody holds the object.")
                .evidence(copies.trace());
    }

    @Check(points = 15, title = "The mapping is destroyed when its last handle is closed",
            after = "createsPagingFileMapping", order = 5)
    public CheckResult mappingDiesWithLastHandle(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy a = copies.start();
        Copy b = copies.start();
        copies.create(a, "short-lived");
        copies.read(b);
        Tally t = new Tally();
        t.expect(1, copies.exists(), Msg.of("lifetime.vanished", "the mapping vanished before {0} closed it",
                a.label()));
        copies.close(a);
        // Windows drops the name with the last handle, but the object lives on while any view maps it: a leaked
        // view keeps it (and its pages) alive even though OpenFileMapping no longer finds it.
        boolean named = copies.exists();
        boolean mapped = !copies.views(a).isEmpty() || !copies.views(b).isEmpty();
        t.expect(3, !named && !mapped, named
                ? Msg.of("lifetime.still-named", "after close in {0} the mapping {1} can still be opened: {2}",
                        a.label(), NAME, holders(copies, a, b))
                : Msg.of("lifetime.still-alive", "after close in {0} the mapping {1} has no name any more but is "
                        + "still alive: {2}", a.label(), NAME, holders(copies, a, b)));
        String after = copies.read(b);
        t.expect(1, after == null, Msg.of("lifetime.read", "read in {0} after close returned {1}, expected null",
                b.label(), quote(after)));
        int again = copies.create(a, "reborn");
        t.expect(1, again == CREATED, Msg.of("lifetime.create", "create after close returned {0}, expected CREATED "
                + "({1})", again, CREATED));
        return t.result(15, Msg.of("lifetime.pass", "Closing the last handle destroyed {0}; a new create made a new "
                        + "one.", NAME))
                .hint(named ? "never-closes-handle" : mapped ? "leaks-view" : "read-creates", named
                        ? "close must CloseHandle the mapping: the object and its name live while any handle is open."
                        : mapped ? "A view keeps the object alive after its last handle is closed: UnmapViewOfFile "
                        + "every view." : "read must only open: OpenFileMapping, never CreateFileMapping, which makes "
                        + "a new, empty object when none exists.")
                .evidence(copies.trace());
    }

    @Check(points = 10, title = "No views or handles are left behind", after = "createsPagingFileMapping",
            order = 6)
    public CheckResult viewsUnmapped(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Copy a = copies.start();
        Copy b = copies.start();
        copies.create(a, "data");
        copies.read(b);
        copies.read(b);
        Tally t = new Tally();
        for (Copy c : List.of(a, b)) {
            t.expect(2, copies.views(c).isEmpty(), Msg.of("leaks.views", "{0} still has {1} view(s) mapped at {2}",
                    c.label(), copies.views(c).size(), Copies.views(copies.views(c))));
        }
        t.expect(1, copies.openMappingHandles(b).isEmpty(), Msg.of("leaks.read-handles", "{0} still holds mapping "
                + "handle(s) {1} after two reads", b.label(), String.valueOf(copies.openMappingHandles(b))));
        t.expect(1, copies.openMappingHandles(a).size() == 1, Msg.of("leaks.create-handles", "{0} holds {1} mapping "
                + "handles after create; expected exactly 1, kept for close", a.label(),
                copies.openMappingHandles(a).size()));
        return t.result(10, Msg.of("leaks.pass", "Every view was unmapped; only the handle create keeps for close is "
                        + "open."))
                .hint("leaks-view", "UnmapViewOfFile(view) as soon as the data is copied; CloseHandle each handle read opens.")
                .evidence(copies.trace(), copies.snapshot(b));
    }

    @Check(points = 10, title = "Text that does not fit is refused", after = "createsPagingFileMapping", order = 7)
    public CheckResult refusesBadText(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Tally t = new Tally();
        // Each case runs in a copy of its own: a case that crashes its process is reported as the crash, and the
        // cases after it are still judged, in a process that is alive.
        Msg[] crash = new Msg[1];
        int nul = attempt(() -> copies.create(copies.start(), null), crash);
        t.expect(nul == FAILED, crash[0] != null ? Msg.of("bad-text.null-crashed", "create(null) {0}", crash[0])
                : Msg.of("bad-text.null", "create(null) did not return FAILED"))
                .hint(crash[0] != null ? "crash-on-bad-text" : "accepts-null", crash[0] != null
                        ? "Refuse bad text before any kernel call, and check every handle and view for 0."
                        : "create(null) must return FAILED without creating anything.");
        crash[0] = null;
        String tooLong = "x".repeat(SIZE);
        int over = attempt(() -> copies.create(copies.start(), tooLong), crash);
        t.expect(2, over == FAILED, Msg.of("bad-text.too-long", "create with {0} characters (no room for the NUL in "
                + "{1}) {2}", String.valueOf(SIZE), Copies.bytes(SIZE), crash[0] != null ? crash[0]
                : Msg.of("bad-text.not-failed", "did not return FAILED")))
                .hint(crash[0] != null ? "crash-on-bad-text" : "no-room-for-nul", crash[0] != null
                        ? "Writing " + SIZE + " characters and their NUL runs past the " + Win32Names.bytes(SIZE)
                        + " view: refuse text of SIZE characters or more before writing."
                        : "A string of n characters needs n + 1 bytes in the view (its NUL).");
        t.expect(!copies.exists(), Msg.of("bad-text.mapping-left", "a refused create left a mapping named {0} "
                + "behind", NAME))
                .hint("leaves-mapping", "Close the mapping's handle when create refuses the text.");
        crash[0] = null;
        String longest = "y".repeat(SIZE - 1);
        Copy a = copies.start();
        int fit = attempt(() -> copies.create(a, longest), crash);
        t.expect(2, fit == CREATED && longest.equals(copies.content()), Msg.of("bad-text.longest", "create with {0} "
                + "characters, which fit with the NUL, {1}", String.valueOf(SIZE - 1), crash[0] != null ? crash[0]
                : Msg.of("bad-text.not-stored", "did not store them")))
                .hint("refuses-what-fits", "A string of n characters needs n + 1 bytes: " + (SIZE - 1)
                        + " characters fit in " + Win32Names.bytes(SIZE) + ".");
        return t.result(10, Msg.of("bad-text.pass", "null and over-long text were refused; {0} characters fit "
                        + "exactly.", String.valueOf(SIZE - 1)))
                .evidence(copies.trace());
    }

    @Check(points = 10, title = "Sharing works on x64 too", after = "createsPagingFileMapping", order = 8)
    public CheckResult worksOnX64(CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Copies copies = new Copies(ctx, x64, x64.createProcess());
            Copy a = copies.start();
            Copy b = copies.start();
            Tally t = new Tally();
            t.expect(copies.create(a, "sixty-four") == CREATED, Msg.of("x64.create", "create on x64 did not return "
                    + "CREATED"));
            String got = copies.read(b);
            t.expect(2, "sixty-four".equals(got), Msg.of("x64.read", "read on x64 returned {0}, expected "
                    + "\"sixty-four\"", quote(got)));
            return t.result(10, Msg.of("x64.pass", "On x64 {0} read what {1} stored.", b.label(), a.label()))
                    .hint("int-address", "Views on x64 may lie above 4 GiB: keep addresses and handles in long.")
                    .evidence(copies.trace());
        }
    }

    // "process A (PID 4) holds 1 handle(s) and 0 view(s); process B ...", one Msg per copy joined by "holders".
    private static Msg holders(Copies copies, Copy... all) {
        Msg out = null;
        for (Copy c : all) {
            int views = copies.views(c).size();
            int handles = copies.openMappingHandles(c).size();
            if (views + handles > 0) {
                Msg holds = Msg.of("holder", "{0} holds {1} handle(s) and {2} view(s)", c.label(), handles, views);
                out = out == null ? holds : Msg.of("holders", "{0}; {1}", out, holds);
            }
        }
        return out == null ? Msg.of("holders.unknown", "something still refers to it") : out;
    }

    // A Java exception from the solution counts as a wrong answer here, not as a crash of the whole check.
    // A crash of the student's code is a result too: its message goes to crash[0] ("crashed the process: ...").
    private static int attempt(IntSupplier call, Msg[] crash) {
        try {
            return call.getAsInt();
        } catch (CheckFailedException e) {
            List<Msg> parts = e.result().messageParts();
            Msg m = parts.size() == 1 ? parts.get(0) : Msg.text(e.result().message());
            // Copies' "crash": {0} in {1} crashed the process: {2}.
            crash[0] = "crash".equals(m.key()) ? Msg.of("bad-text.crashed", "crashed the process: {0}", m.args().get(2))
                    : Msg.of("bad-text.failed", "failed: {0}", m);
            return -1;
        } catch (RuntimeException e) {
            crash[0] = Msg.of("bad-text.threw", "threw {0}", e.toString());
            return -1;
        }
    }
}

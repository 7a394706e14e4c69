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
            String why = made.isEmpty() ? "it never called CreateFileMapping" : "its " + made.get(made.size() - 1)
                    + (made.get(made.size() - 1).failed() ? " failed with "
                    + Win32Names.error(made.get(made.size() - 1).lastError()) : " made no object that outlived create");
            return CheckResult.fail("After create in " + a.name() + " no mapping named " + NAME + " exists: " + why
                            + ".", "OpenFileMapping(\"" + NAME + "\") to succeed", "ERROR_FILE_NOT_FOUND")
                    .hint("no-mapping", "CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, \"MMFSharedData\"): "
                            + "INVALID_HANDLE_VALUE asks for storage from the paging file; keep the handle.")
                    .evidence(copies.trace());
        }
        Tally t = new Tally();
        t.expect(2, result == CREATED, "create returned " + result + ", expected CREATED (" + CREATED + ")")
                .hint("create-result", "create returns CREATED when CreateFileMapping made a new object.");
        KernelCall first = made.get(0);
        t.expect(1, first.arguments().get(0).equals("INVALID_HANDLE_VALUE"), "CreateFileMapping got file handle "
                + first.arguments().get(0) + " instead of INVALID_HANDLE_VALUE: Windows happens to take NULL as "
                + "\"no file\" too, but INVALID_HANDLE_VALUE is what the documentation asks for")
                .hint("null-file-handle", "Pass INVALID_HANDLE_VALUE as the file handle for a mapping backed by the "
                        + "paging file.");
        String content = copies.content();
        t.expect(3, text.equals(content), "the mapping holds " + quote(content) + ", expected " + quote(text))
                .hint("text-not-stored", "Copy the text and its NUL to the start of a view: "
                        + "memory.setString(view, text).");
        return t.result(15, "create made " + NAME + " from the paging file and stored " + quote(text) + ".")
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
        t.expect(3, text.equals(got), "read in " + b.name() + " returned " + quote(got) + ", expected " + quote(text));
        copies.overwrite("Changed by the checker");
        String again = copies.read(b);
        t.expect(1, "Changed by the checker".equals(again), "after the checker changed the shared data, read in "
                + b.name() + " returned " + quote(again) + ": read must look at the mapping every time");
        return t.result(15, b.name() + " read " + quote(text) + " that " + a.name() + " stored, and saw a later "
                        + "change too.")
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
        t.expect(2, result == ALREADY_EXISTS, "create in " + b.name() + " returned " + result + ", expected "
                + "ALREADY_EXISTS (" + ALREADY_EXISTS + "): CreateFileMapping returned a handle with " + ALREADY);
        String content = copies.content();
        t.expect(2, "first".equals(content), "the mapping holds " + quote(content) + " after the second create; "
                + "expected \"first\", untouched");
        t.expect(1, copies.openMappingHandles(b).isEmpty(), b.name() + " still holds mapping handle(s) "
                + copies.openMappingHandles(b) + " after finding that the mapping existed");
        return t.result(15, "The second create saw " + ALREADY + ", closed its handle and left \"first\" alone.")
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
        t.expect(2, got == null, "with no mapping named " + NAME + ", read returned " + quote(got)
                + " instead of null");
        t.expect(1, copies.calls(b, "CreateFileMapping").isEmpty(), "read called CreateFileMapping, which creates "
                + "the mapping when it does not exist");
        t.expect(1, !copies.exists(), "after read a mapping named " + NAME + " exists");
        return t.result(10, "read found no mapping (OpenFileMapping failed with ERROR_FILE_NOT_FOUND) and returned "
                        + "null.")
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
        t.expect(1, copies.exists(), "the mapping vanished before " + a.name() + " closed it");
        copies.close(a);
        // Windows drops the name with the last handle, but the object lives on while any view maps it: a leaked
        // view keeps it (and its pages) alive even though OpenFileMapping no longer finds it.
        boolean named = copies.exists();
        boolean mapped = !copies.views(a).isEmpty() || !copies.views(b).isEmpty();
        t.expect(3, !named && !mapped, "after close in " + a.name() + " the mapping " + NAME
                + (named ? " can still be opened: " : " has no name any more but is still alive: ")
                + holders(copies, a, b));
        String after = copies.read(b);
        t.expect(1, after == null, "read in " + b.name() + " after close returned " + quote(after) + ", expected null");
        int again = copies.create(a, "reborn");
        t.expect(1, again == CREATED, "create after close returned " + again + ", expected CREATED (" + CREATED + ")");
        return t.result(15, "Closing the last handle destroyed " + NAME + "; a new create made a new one.")
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
            t.expect(2, copies.views(c).isEmpty(), c.name() + " still has " + copies.views(c).size()
                    + " view(s) mapped at " + Copies.views(copies.views(c)));
        }
        t.expect(1, copies.openMappingHandles(b).isEmpty(), b.name() + " still holds mapping handle(s) "
                + copies.openMappingHandles(b) + " after two reads");
        t.expect(1, copies.openMappingHandles(a).size() == 1, a.name() + " holds " + copies.openMappingHandles(a)
                .size() + " mapping handles after create; expected exactly 1, kept for close");
        return t.result(10, "Every view was unmapped; only the handle create keeps for close is open.")
                .hint("leaks-view", "UnmapViewOfFile(view) as soon as the data is copied; CloseHandle each handle read opens.")
                .evidence(copies.trace(), copies.snapshot(b));
    }

    @Check(points = 10, title = "Text that does not fit is refused", after = "createsPagingFileMapping", order = 7)
    public CheckResult refusesBadText(CheckContext ctx) {
        Copies copies = new Copies(ctx);
        Tally t = new Tally();
        // Each case runs in a copy of its own: a case that crashes its process is reported as the crash, and the
        // cases after it are still judged, in a process that is alive.
        String[] crash = new String[1];
        int nul = attempt(() -> copies.create(copies.start(), null), crash);
        t.expect(nul == FAILED, crash[0] != null ? "create(null) " + crash[0] : "create(null) did not return FAILED")
                .hint(crash[0] != null ? "crash-on-bad-text" : "accepts-null", crash[0] != null
                        ? "Refuse bad text before any kernel call, and check every handle and view for 0."
                        : "create(null) must return FAILED without creating anything.");
        crash[0] = null;
        String tooLong = "x".repeat(SIZE);
        int over = attempt(() -> copies.create(copies.start(), tooLong), crash);
        t.expect(2, over == FAILED, "create with " + SIZE + " characters (no room for the NUL in "
                + Win32Names.bytes(SIZE) + ") " + (crash[0] != null ? crash[0] : "did not return FAILED"))
                .hint(crash[0] != null ? "crash-on-bad-text" : "no-room-for-nul", crash[0] != null
                        ? "Writing " + SIZE + " characters and their NUL runs past the " + Win32Names.bytes(SIZE)
                        + " view: refuse text of SIZE characters or more before writing."
                        : "A string of n characters needs n + 1 bytes in the view (its NUL).");
        t.expect(!copies.exists(), "a refused create left a mapping named " + NAME + " behind")
                .hint("leaves-mapping", "Close the mapping's handle when create refuses the text.");
        crash[0] = null;
        String longest = "y".repeat(SIZE - 1);
        Copy a = copies.start();
        int fit = attempt(() -> copies.create(a, longest), crash);
        t.expect(2, fit == CREATED && longest.equals(copies.content()), "create with " + (SIZE - 1) + " characters, "
                + "which fit with the NUL, " + (crash[0] != null ? crash[0] : "did not store them"))
                .hint("refuses-what-fits", "A string of n characters needs n + 1 bytes: " + (SIZE - 1)
                        + " characters fit in " + Win32Names.bytes(SIZE) + ".");
        return t.result(10, "null and over-long text were refused; " + (SIZE - 1) + " characters fit exactly.")
                .evidence(copies.trace());
    }

    @Check(points = 10, title = "Sharing works on x64 too", after = "createsPagingFileMapping", order = 8)
    public CheckResult worksOnX64(CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Copies copies = new Copies(ctx, x64, x64.createProcess());
            Copy a = copies.start();
            Copy b = copies.start();
            Tally t = new Tally();
            t.expect(copies.create(a, "sixty-four") == CREATED, "create on x64 did not return CREATED");
            String got = copies.read(b);
            t.expect(2, "sixty-four".equals(got), "read on x64 returned " + quote(got) + ", expected \"sixty-four\"");
            return t.result(10, "On x64 " + b.name() + " read what " + a.name() + " stored.")
                    .hint("int-address", "Views on x64 may lie above 4 GiB: keep addresses and handles in long.")
                    .evidence(copies.trace());
        }
    }

    private static String holders(Copies copies, Copy... all) {
        StringBuilder out = new StringBuilder();
        for (Copy c : all) {
            int views = copies.views(c).size();
            int handles = copies.openMappingHandles(c).size();
            if (views + handles > 0) {
                out.append(out.length() == 0 ? "" : "; ").append(c.name()).append(" holds ").append(handles)
                        .append(" handle(s) and ").append(views).append(" view(s)");
            }
        }
        return out.length() == 0 ? "something still refers to it" : out.toString();
    }

    // A Java exception from the solution counts as a wrong answer here, not as a crash of the whole check.
    // A crash of the student's code is a result too: its message goes to crash[0] ("crashed the process: ...").
    private static int attempt(IntSupplier call, String[] crash) {
        try {
            return call.getAsInt();
        } catch (CheckFailedException e) {
            String m = e.result().message();
            int at = m.indexOf("crashed the process");
            crash[0] = at >= 0 ? m.substring(at).replaceAll("\\.$", "") : "failed: " + m;
            return -1;
        } catch (RuntimeException e) {
            crash[0] = "threw " + e;
            return -1;
        }
    }
}

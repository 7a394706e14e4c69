package pagelab.exercises.mappingbyhandle;

import static pagelab.exercises.mappingbyhandle.Family.bytes;
import static pagelab.exercises.mappingbyhandle.Family.describe;
import static pagelab.exercises.mappingbyhandle.Family.handle;
import static pagelab.exercises.mappingbyhandle.Family.handles;
import static pagelab.exercises.mappingbyhandle.Family.quote;
import static pagelab.exercises.mappingbyhandle.HandleShare.SIZE;

import java.util.List;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.PROCESS_INFORMATION;
import pagelab.kernel.STARTUPINFO;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HandleInfo;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code mapping-by-handle}. Each runs the student's class in a parent process of a fresh machine, in
 * the child it starts and in another process it sends a handle to, and reads the processes' handle tables, traces
 * and the machine's commit charge through the inspector.
 */
public class MappingByHandleChecks {
    private static final String SECTION = "Section";

    @Check(points = 25, title = "The child reads the parent's data through the inherited handle", order = 1)
    public CheckResult childReadsInheritedData(CheckContext ctx) {
        Family f = new Family(ctx);
        String text = "Inherited from the parent";
        int pid = f.startChild(text);
        WinProcess child = pid == 0 ? null : f.child(pid);
        if (child == null) {
            List<KernelCall> made = Family.calls(f.parent, "CreateProcess");
            // A process id is a name, not a count: text, without thousands separators.
            return CheckResult.fail(made.isEmpty()
                            ? Msg.of("child.no-create", "startChild returned {0}: it never called CreateProcess.",
                                    String.valueOf(pid))
                            : Msg.of("child.no-process", "startChild returned {0}: no process of that id was started "
                                    + "({1}).", String.valueOf(pid), made.get(made.size() - 1).toString()),
                            Msg.of("child.expected-pid", "the child's process id"), Msg.text(String.valueOf(pid)))
                    .hint("no-child", "CreateProcess(null, commandLine, null, null, true, 0, 0, null, new STARTUPINFO(), "
                            + "pi) and return pi.dwProcessId.")
                    .evidence(f.trace());
        }
        List<HandleInfo> inherited = handles(child, SECTION);
        String got = f.readInherited(child);
        List<KernelCall> created = Family.calls(f.parent, "CreateProcess");
        boolean inheritsHandles = !created.isEmpty() && created.get(created.size() - 1).arguments().get(4)
                .equals("TRUE");
        Tally t = new Tally();
        t.expect(1, inheritsHandles, Msg.of("child.no-inherit-handles", "CreateProcess was called with "
                        + "bInheritHandles FALSE: the child inherits nothing"))
                .hint("no-inherit-handles", "Pass TRUE as CreateProcess's bInheritHandles.");
        t.expect(2, !inherited.isEmpty(), Msg.of("child.no-handle", "{0} started with no handle to a section: the "
                        + "parent's handle was not inheritable when CreateProcess ran", theChild(child)))
                .hint("not-inheritable", "Create the section with a SECURITY_ATTRIBUTES whose bInheritHandle is true:"
                        + " CreateProcess copies only inheritable handles.");
        t.expect(3, text.equals(got), Msg.of("child.wrong-text", "readInherited in {0} returned {1}, expected {2}",
                        theChild(child), quote(got), quote(text)))
                .hint("child-cannot-read", "In the child, the handle's value is the last word of GetCommandLine(): "
                        + "map a FILE_MAP_READ view of it.");
        t.expect(1, !Family.calls(child, "GetCommandLine").isEmpty(), Msg.of("child.no-command-line", "the child "
                        + "never called GetCommandLine: the handle's value must reach it on its command line"))
                .hint("no-command-line", "Put the handle's value on the child's command line and read it back "
                        + "with GetCommandLine().");
        return t.result(25, Msg.of("child.pass", "{0} inherited the section at the parent's handle value, found it "
                        + "on its command line and read {1}.", Msg.of("pid.the-child-starts", "The child (PID {0})",
                        String.valueOf(child.id())), quote(text)))
                .evidence(f.trace());
    }

    @Check(points = 15, title = "Children started later inherit nothing", after = "childReadsInheritedData",
            order = 2)
    public CheckResult laterChildrenInheritNothing(CheckContext ctx) {
        Family f = new Family(ctx);
        int pid = f.startChild("for the first child only");
        WinProcess first = f.child(pid);
        if (first != null) {
            f.readInherited(first);
        }
        // The parent starts another program later, with handle inheritance on, as a program that starts helpers does.
        Kernel32 k = f.parent.kernel32();
        PROCESS_INFORMATION pi = new PROCESS_INFORMATION();
        boolean started = k.CreateProcess(null, "\"" + HandleShare.CHILD_EXE + "\" later", null, null, true, 0, 0,
                null, new STARTUPINFO(), pi);
        WinProcess later = started ? f.child(pi.dwProcessId) : null;
        if (started) {
            k.CloseHandle(pi.hThread);
            k.CloseHandle(pi.hProcess);
        }
        List<HandleInfo> kept = handles(f.parent, SECTION);
        List<HandleInfo> leaked = later == null ? List.of() : handles(later, SECTION);
        Tally t = new Tally();
        t.expect(2, later != null && leaked.isEmpty(), later == null
                        ? Msg.of("later.not-started", "the checker could not start a later child")
                        : Msg.of("later.inherited", "a child the parent started later inherited {0}: the section's "
                                + "handle was still inheritable", describe(leaked)))
                .hint("stays-inheritable", "Once the child has its copy, SetHandleInformation(h, HANDLE_FLAG_INHERIT, "
                        + "0): handles stay inheritable until you say otherwise.");
        t.expect(1, kept.size() == 1 && (kept.get(0).flags() & WinNT.HANDLE_FLAG_INHERIT) == 0, kept.size() != 1
                ? Msg.of("later.handles", "after startChild the parent holds {0} section handle(s) ({1}); expected "
                        + "the one it keeps for close", kept.size(), describe(kept))
                : Msg.of("later.still-inheritable", "the handle the parent keeps is still marked "
                        + "HANDLE_FLAG_INHERIT"));
        f.close();
        return t.result(15, Msg.of("later.pass", "A child started later got no handle to the section; the parent's "
                + "own handle is no longer inheritable.")).evidence(f.trace());
    }

    @Check(points = 20, title = "The other process reads the data through the duplicated handle", order = 3)
    public CheckResult duplicateReachesTarget(CheckContext ctx) {
        Family f = new Family(ctx);
        WinProcess other = f.other();
        String text = "Duplicated for you";
        long h = f.sendTo(text, other.id());
        if (h == 0) {
            return CheckResult.fail(Msg.of("duplicate.returned-zero", "sendTo returned 0 for {0}.",
                            Msg.of("pid.a-running-process", "a running process (PID {0})", String.valueOf(other.id()))),
                            Msg.of("duplicate.expected", "the handle's value in that process"), Msg.text("0"))
                    .hint("no-duplicate", "OpenProcess(PROCESS_DUP_HANDLE, false, targetProcessId), then "
                            + "DuplicateHandle(GetCurrentProcess(), h, hTarget, inTarget, FILE_MAP_READ, false, 0).")
                    .evidence(f.trace());
        }
        HandleInfo there = handle(other, h);
        HandleInfo here = handle(f.parent, h);
        boolean inOther = there != null && there.type().equals(SECTION);
        String got = inOther ? f.receive(other, h) : null;
        Tally t = new Tally();
        Msg what = there == null ? Msg.of("duplicate.no-handle", "no handle of {0}", theOther(other))
                : Msg.of("duplicate.other-type", "a {0} handle there", there.type());
        t.expect(2, inOther, here != null && here.type().equals(SECTION)
                        ? Msg.of("duplicate.in-parent", "sendTo returned {0}, which is {1}, but a section handle of the "
                                + "parent: the duplicate went into the parent's own table", Win32Names.hex(h), what)
                        : Msg.of("duplicate.not-there", "sendTo returned {0}, which is {1}", Win32Names.hex(h), what))
                .hint("duplicates-into-self", "A duplicate lives in the table of hTargetProcessHandle: pass the handle "
                        + "OpenProcess gave you, not GetCurrentProcess(), and return the value DuplicateHandle stored.");
        t.expect(3, text.equals(got), Msg.of("duplicate.wrong-text", "receive in {0} returned {1}, expected {2}",
                theOther(other), quote(got), quote(text)));
        return t.result(20, Msg.of("duplicate.pass", "{0} read {1} through handle {2}, a handle of its own.",
                Msg.of("pid.the-other-process-starts", "The other process (PID {0})", String.valueOf(other.id())),
                quote(text), Win32Names.hex(h))).evidence(f.trace());
    }

    @Check(points = 15, title = "The duplicated handle maps read-only views only", after = "duplicateReachesTarget",
            order = 4)
    public CheckResult duplicateIsReadOnly(CheckContext ctx) {
        Family f = new Family(ctx);
        WinProcess other = f.other();
        String text = "Read, do not write";
        long h = f.sendTo(text, other.id());
        Kernel32 k = other.kernel32();
        k.SetLastError(0);
        long writable = k.MapViewOfFile(h, WinNT.FILE_MAP_WRITE, 0, 0, 0);
        int error = k.GetLastError();
        if (writable != 0) {
            k.UnmapViewOfFile(writable);
        }
        HandleInfo there = handle(other, h);
        String got = f.receive(other, h);
        Tally t = new Tally();
        t.expect(3, writable == 0 && error == WinError.ERROR_ACCESS_DENIED, writable != 0
                        ? Msg.of("read-only.mapped-writable", "MapViewOfFile({0}, FILE_MAP_WRITE) in the other process "
                                + "succeeded: its handle has access {1}, so it may change the data", Win32Names.hex(h),
                                there == null ? "?" : Win32Names.hex(there.access() & 0xFFFFFFFFL))
                        : Msg.of("read-only.wrong-error", "MapViewOfFile(FILE_MAP_WRITE) failed with {0}, expected "
                                + "ERROR_ACCESS_DENIED", Win32Names.error(error)))
                .hint("same-access", "Duplicate with dwDesiredAccess FILE_MAP_READ and dwOptions 0: "
                        + "DUPLICATE_SAME_ACCESS copies the parent's full access.");
        t.expect(1, text.equals(got), Msg.of("read-only.wrong-text", "receive returned {0} after the write attempt, "
                + "expected {1}: FILE_MAP_READ must still map a read-only view", quote(got), quote(text)));
        return t.result(15, Msg.of("read-only.pass", "The other process's handle maps FILE_MAP_READ views; "
                + "FILE_MAP_WRITE fails with ERROR_ACCESS_DENIED.")).evidence(f.trace());
    }

    @Check(points = 15, title = "Every handle is closed and each section dies with its last one",
            after = {"childReadsInheritedData", "duplicateReachesTarget"}, order = 5)
    public CheckResult handlesClosed(CheckContext ctx) {
        Family f = new Family(ctx);
        long before = f.commit();
        WinProcess child = f.child(f.startChild("one"));
        if (child != null) {
            f.readInherited(child);
        }
        WinProcess other = f.other();
        long h = f.sendTo("two", other.id());
        if (h != 0 && handle(other, h) != null) {
            f.receive(other, h);
        }
        f.close();
        List<HandleInfo> parentLeft = handles(f.parent, null);
        List<HandleInfo> childLeft = child == null ? List.of() : handles(child, null);
        List<HandleInfo> otherLeft = handles(other, null);
        // The child and the other process charge commit of their own (stacks, heaps): they end before the charge is
        // compared, which also closes what they still hold; what is left is what the parent keeps alive.
        if (child != null) {
            child.terminate(0);
        }
        other.terminate(0);
        long after = f.commit();
        boolean sectionLeft = parentLeft.stream().anyMatch(x -> x.type().equals(SECTION)) || after > before;
        Tally t = new Tally();
        t.expect(2, parentLeft.isEmpty(), Msg.of("closed.parent-holds", "after close the parent still holds {0}",
                        describe(parentLeft)))
                .hint(sectionLeft ? "keeps-section-handle" : "keeps-process-handles", sectionLeft
                        ? "Close your own handle to the section once the other process has its duplicate (or pass "
                        + "DUPLICATE_CLOSE_SOURCE): the section lives while any handle, in any process, names it."
                        : "Close pi.hProcess and pi.hThread after CreateProcess, and OpenProcess's handle after "
                        + "DuplicateHandle: each is a handle that keeps a kernel object.");
        t.expect(1, childLeft.isEmpty() && otherLeft.isEmpty(), otherLeft.isEmpty()
                ? Msg.of("closed.child-holds", "after reading, the child holds {0}", describe(childLeft))
                : childLeft.isEmpty()
                ? Msg.of("closed.other-holds", "after reading, the other process holds {0}", describe(otherLeft))
                : Msg.of("closed.both-hold", "after reading, the child holds {0} and the other process holds {1}",
                        describe(childLeft), describe(otherLeft)))
                .hint("reader-keeps-handle", "readInherited and receive close the handle they were given once the "
                        + "data is read.");
        t.expect(2, after <= before, Msg.of("closed.commit-charge", "the machine's commit charge is {0} higher than "
                        + "before: a section of {1} is still alive", bytes(after - before), bytes(SIZE)))
                .hint("keeps-section-handle", "A section dies with its last handle and view, in any process: close "
                        + "every handle to it and unmap every view.");
        return t.result(15, Msg.of("closed.pass", "No process holds a handle any more, and both sections died with "
                + "their last handle (the commit charge is back where it was).")).evidence(f.trace());
    }

    @Check(points = 10, title = "Sending to a process that does not exist leaves nothing behind",
            after = "duplicateReachesTarget", order = 6)
    public CheckResult noSuchProcess(CheckContext ctx) {
        Family f = new Family(ctx);
        long before = f.commit();
        int nobody = 0x7FFFFFF0;
        long h = f.sendTo("nobody reads this", nobody);
        List<HandleInfo> left = handles(f.parent, null);
        boolean sectionAlive = f.commit() > before;
        long tooLong = f.sendTo("x".repeat(SIZE), f.other().id());
        Tally t = new Tally();
        t.expect(2, h == 0, Msg.of("nobody.returned", "sendTo to process id {0}, which no process has, returned {1} "
                        + "instead of 0", String.valueOf(nobody), Win32Names.hex(h)))
                .hint("no-such-process", "OpenProcess fails with ERROR_INVALID_PARAMETER when no process has the id: "
                        + "return 0.");
        t.expect(1, left.isEmpty() && !sectionAlive, left.isEmpty()
                        ? Msg.of("nobody.section-alive", "after the failed sendTo the parent holds no handle but a "
                                + "section is still alive")
                        : Msg.of("nobody.handles-left", "after the failed sendTo the parent holds {0}", describe(left)))
                .hint("failure-leaks", "On every failure path close what you opened before returning 0.");
        t.expect(1, tooLong == 0, Msg.of("nobody.too-long", "sendTo with {0} characters (no room for the NUL) "
                + "returned {1} instead of 0", String.valueOf(SIZE), Win32Names.hex(tooLong)));
        return t.result(10, Msg.of("nobody.pass", "sendTo returned 0 for a process id nobody has and for text that "
                + "does not fit, and left no handle and no section behind.")).evidence(f.trace());
    }

    /** {@code the child (PID 4112)}, translatable. */
    private static Msg theChild(WinProcess p) {
        return Msg.of("pid.the-child", "the child (PID {0})", String.valueOf(p.id()));
    }

    /** {@code the other process (PID 4112)}, translatable. */
    private static Msg theOther(WinProcess p) {
        return Msg.of("pid.the-other-process", "the other process (PID {0})", String.valueOf(p.id()));
    }
}

package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.PROCESS_INFORMATION;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.STARTUPINFO;
import pagelab.kernel.WinProcess;

/**
 * Sharing a section without a name: handle flags, DuplicateHandle, OpenProcess, CreateProcess with inherited handles
 * and GetCommandLine. "Wine 8" marks what a mingw program printed under Debian's wine64 8.0 (the facts were run there
 * before they were written here); "Learn" the function's page on Microsoft Learn.
 */
class HandleSharingTest {
    private static SECURITY_ATTRIBUTES inheritable() {
        SECURITY_ATTRIBUTES sa = new SECURITY_ATTRIBUTES();
        sa.bInheritHandle = true;
        return sa;
    }

    private static WinProcess byId(Machine m, int pid) {
        return m.processes().stream().filter(q -> q.id() == pid).findFirst().orElseThrow();
    }

    private static int flags(Kernel32 k, long h) {
        IntByReference f = new IntByReference(0xDEAD);
        assertThat(k.GetHandleInformation(h, f)).as("GetHandleInformation(%x)", h).isTrue();
        return f.getValue();
    }

    /** Learn (GetCurrentProcess): the pseudo-handle is (HANDLE)-1, and closing it does nothing; Wine 8 agrees. */
    @Test
    void getCurrentProcessIsMinusOneAndNeedsNoClosing() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            Kernel32 k = m.createProcess().kernel32();
            assertThat(k.GetCurrentProcess()).isEqualTo(-1L);
            assertThat(k.CloseHandle(k.GetCurrentProcess())).isTrue();
            assertThat(flags(k, k.GetCurrentProcess())).as("Wine 8: the pseudo-handle's flags are 0").isZero();
        }
    }

    /**
     * A handle is inheritable when SECURITY_ATTRIBUTES.bInheritHandle (or OpenFileMapping's bInheritHandle) says so,
     * and HANDLE_FLAG_PROTECT_FROM_CLOSE makes CloseHandle fail with ERROR_INVALID_HANDLE and leave it open (Wine 8;
     * Learn, SetHandleInformation: "calling the CloseHandle function will not close the object handle"; NtClose
     * returns STATUS_HANDLE_NOT_CLOSABLE, which kernelbase turns into error 6). Unknown mask bits are ignored (Wine 8).
     */
    @Test
    void handleFlagsInheritAndProtectFromClose() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            Kernel32 k = m.createProcess().kernel32();
            long plain = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, "flags");
            long inherit = k.CreateFileMapping(INVALID_HANDLE_VALUE, inheritable(), PAGE_READWRITE, 0, 0x10000, null);
            long opened = k.OpenFileMapping(FILE_MAP_READ, true, "flags");
            assertThat(flags(k, plain)).isZero();
            assertThat(flags(k, inherit)).isEqualTo(HANDLE_FLAG_INHERIT);
            assertThat(flags(k, opened)).isEqualTo(HANDLE_FLAG_INHERIT);

            assertThat(k.SetHandleInformation(plain, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE))
                    .isTrue();
            assertThat(flags(k, plain)).isEqualTo(HANDLE_FLAG_PROTECT_FROM_CLOSE);
            k.SetLastError(0xDEADBEEF);
            assertThat(k.CloseHandle(plain)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
            assertThat(flags(k, plain)).as("still open").isEqualTo(HANDLE_FLAG_PROTECT_FROM_CLOSE);
            assertThat(k.SetHandleInformation(plain, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0)).isTrue();
            assertThat(k.CloseHandle(plain)).isTrue();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.GetHandleInformation(plain, new IntByReference())).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);

            assertThat(k.SetHandleInformation(inherit, 0x4, 0x4)).as("an unknown mask bit is ignored").isTrue();
            assertThat(flags(k, inherit)).isEqualTo(HANDLE_FLAG_INHERIT);
            assertThat(k.SetHandleInformation(inherit, HANDLE_FLAG_INHERIT, 0)).isTrue();
            assertThat(flags(k, inherit)).isZero();
        }
    }

    /**
     * A duplicate with FILE_MAP_READ maps a read view but no writable one (ERROR_ACCESS_DENIED); the duplicate is a
     * new value, not inheritable unless bInheritHandle, without the source's PROTECT_FROM_CLOSE (Wine 8).
     * DUPLICATE_SAME_ACCESS ignores dwDesiredAccess (Learn). DUPLICATE_CLOSE_SOURCE closes the source (Learn).
     */
    @Test
    void aDuplicateWithLessAccessMapsLess() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long self = k.GetCurrentProcess();
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, null);
            k.SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE);
            LongByReference out = new LongByReference();
            assertThat(k.DuplicateHandle(self, h, self, out, FILE_MAP_READ, false, 0)).isTrue();
            long readOnly = out.getValue();
            assertThat(readOnly).isNotZero().isNotEqualTo(h);
            assertThat(flags(k, readOnly)).isZero();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.MapViewOfFile(readOnly, FILE_MAP_WRITE, 0, 0, 0)).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_ACCESS_DENIED);
            long writer = k.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
            long reader = k.MapViewOfFile(readOnly, FILE_MAP_READ, 0, 0, 0);
            assertThat(reader).isNotZero();
            p.memory().setInt(writer, 0x1234);
            assertThat(p.memory().getInt(reader)).as("the same section").isEqualTo(0x1234);

            assertThat(k.DuplicateHandle(self, readOnly, self, out, 0, true, DUPLICATE_SAME_ACCESS)).isTrue();
            long same = out.getValue();
            assertThat(flags(k, same)).isEqualTo(HANDLE_FLAG_INHERIT);
            assertThat(k.MapViewOfFile(same, FILE_MAP_WRITE, 0, 0, 0)).as("same access: still read-only").isZero();

            assertThat(k.DuplicateHandle(self, same, self, out, 0, false, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE))
                    .isTrue();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.CloseHandle(same)).as("DUPLICATE_CLOSE_SOURCE closed it").isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
            assertThat(k.CloseHandle(out.getValue())).isTrue();
        }
    }

    /** Wine 8: an invalid source gives FALSE, ERROR_INVALID_HANDLE and NULL stored in lpTargetHandle. */
    @Test
    void duplicatingAnInvalidHandleFails() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            LongByReference out = new LongByReference(0x1234);
            k.SetLastError(0xDEADBEEF);
            assertThat(k.DuplicateHandle(-1, 0xBAD0, -1, out, 0, false, DUPLICATE_SAME_ACCESS)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
            assertThat(out.getValue()).isZero();
        }
    }

    /**
     * OpenProcess of an id no process has fails with ERROR_INVALID_PARAMETER (Wine 8); DuplicateHandle needs
     * PROCESS_DUP_HANDLE on the target process handle, else ERROR_ACCESS_DENIED (Learn; Wine 8). The duplicate's
     * value is valid in the target only, and names there the same section: the target sees the source's data.
     * With a NULL target process and DUPLICATE_CLOSE_SOURCE, the call closes a handle of another process (Learn).
     */
    @Test
    void duplicatingIntoAnotherProcessGivesAValueValidThere() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess a = m.createProcess();
            WinProcess b = m.createProcess();
            Kernel32 ka = a.kernel32();
            Kernel32 kb = b.kernel32();
            k0(ka);
            k0(ka);
            long h = ka.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, null);
            long va = ka.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
            a.memory().setString(va, "from A");

            ka.SetLastError(0xDEADBEEF);
            assertThat(ka.OpenProcess(PROCESS_DUP_HANDLE, false, 0x7FFFFFF0)).isZero();
            assertThat(ka.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
            long query = ka.OpenProcess(PROCESS_QUERY_INFORMATION, false, b.id());
            LongByReference out = new LongByReference();
            ka.SetLastError(0xDEADBEEF);
            assertThat(ka.DuplicateHandle(ka.GetCurrentProcess(), h, query, out, 0, false, DUPLICATE_SAME_ACCESS))
                    .isFalse();
            assertThat(ka.GetLastError()).isEqualTo(ERROR_ACCESS_DENIED);

            long hb = ka.OpenProcess(PROCESS_DUP_HANDLE, false, b.id());
            assertThat(hb).isNotZero();
            assertThat(ka.DuplicateHandle(ka.GetCurrentProcess(), h, hb, out, FILE_MAP_READ, false, 0)).isTrue();
            long inB = out.getValue();
            assertThat(kb.GetHandleInformation(inB, new IntByReference())).as("valid in B").isTrue();
            long vb = kb.MapViewOfFile(inB, FILE_MAP_READ, 0, 0, 0);
            assertThat(b.memory().getString(vb)).isEqualTo("from A");
            assertThat(kb.MapViewOfFile(inB, FILE_MAP_WRITE, 0, 0, 0)).isZero();
            assertThat(kb.GetLastError()).isEqualTo(ERROR_ACCESS_DENIED);

            // A closes B's handle: DuplicateHandle(hB, inB, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)
            assertThat(ka.DuplicateHandle(hb, inB, 0, null, 0, false, DUPLICATE_CLOSE_SOURCE)).isTrue();
            assertThat(kb.GetHandleInformation(inB, new IntByReference())).as("closed in B").isFalse();
            assertThat(b.memory().getString(vb)).as("B's view still holds the section").isEqualTo("from A");
            assertThat(ka.CloseHandle(query)).isTrue();
            assertThat(ka.CloseHandle(hb)).isTrue();
        }
    }

    private static void k0(Kernel32 k) {
        // a handle B does not have, so that A's and B's handle values differ
        k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x1000, null);
    }

    /**
     * CreateProcess with bInheritHandles copies each inheritable handle into the child at the same value, with the
     * same access and its flags, naming the same object (Learn, "Object Inheritance" and "Handle Inheritance";
     * Richter, chapter 3); the child learns the value from GetCommandLine (Learn, "Object Inheritance"). A
     * non-inheritable handle is not copied, and nothing is with bInheritHandles FALSE. Wine 8: a child started with
     * "c.exe 30 34" read the parent's string through handle 0x30, whose flags were HANDLE_FLAG_INHERIT.
     */
    @Test
    void aChildInheritsInheritableHandlesAtTheSameValue() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess parent = m.createProcess();
            Kernel32 k = parent.kernel32();
            long hn = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, null);
            long hi = k.CreateFileMapping(INVALID_HANDLE_VALUE, inheritable(), PAGE_READWRITE, 0, 0x10000, null);
            long dupRead = dup(k, hi, FILE_MAP_READ, true);
            long v = k.MapViewOfFile(hi, FILE_MAP_WRITE, 0, 0, 0);
            parent.memory().setString(v, "hello child");

            String cmd = "blank.exe " + Long.toHexString(hi) + " " + Long.toHexString(hn);
            PROCESS_INFORMATION pi = new PROCESS_INFORMATION();
            assertThat(k.CreateProcess(null, cmd, null, null, true, 0, 0, null, new STARTUPINFO(), pi)).isTrue();
            assertThat(pi.hProcess).isNotZero();
            assertThat(pi.hThread).isNotZero();
            assertThat(pi.dwProcessId).isNotZero();
            WinProcess child = byId(m, pi.dwProcessId);
            Kernel32 kc = child.kernel32();
            assertThat(kc.GetCommandLine()).isEqualTo(cmd);
            assertThat(child.inspector().trace()).as("GetCommandLine is in the trace, for checkers")
                    .anyMatch(e -> e instanceof pagelab.kernel.inspect.KernelCall call
                            && call.function().equals("GetCommandLine"));
            assertThat(flags(kc, hi)).as("inherited, still inheritable").isEqualTo(HANDLE_FLAG_INHERIT);
            long cv = kc.MapViewOfFile(hi, FILE_MAP_ALL_ACCESS, 0, 0, 0);
            assertThat(child.memory().getString(cv)).isEqualTo("hello child");
            child.memory().setString(cv, "hello parent");
            assertThat(parent.memory().getString(v)).as("one section, both ways").isEqualTo("hello parent");
            kc.SetLastError(0xDEADBEEF);
            assertThat(kc.GetHandleInformation(hn, new IntByReference())).as("not inheritable: not there").isFalse();
            assertThat(kc.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
            assertThat(kc.MapViewOfFile(dupRead, FILE_MAP_WRITE, 0, 0, 0)).as("same access as the parent's").isZero();
            assertThat(kc.GetLastError()).isEqualTo(ERROR_ACCESS_DENIED);
            assertThat(kc.GetHandleInformation(pi.hProcess, new IntByReference()))
                    .as("the parent's new handles came after the copy").isFalse();

            PROCESS_INFORMATION pi2 = new PROCESS_INFORMATION();
            assertThat(k.CreateProcess(null, cmd, null, null, false, 0, 0, null, new STARTUPINFO(), pi2)).isTrue();
            Kernel32 k2 = byId(m, pi2.dwProcessId).kernel32();
            assertThat(k2.GetHandleInformation(hi, new IntByReference())).as("bInheritHandles FALSE").isFalse();

            for (long h : new long[] {pi.hProcess, pi.hThread, pi2.hProcess, pi2.hThread}) {
                assertThat(k.CloseHandle(h)).isTrue();
            }
        }
    }

    /** The inspector lists a process's handles: value, type, access, flags, and which object (same in any process). */
    @Test
    void theInspectorListsHandles() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess a = m.createProcess();
            WinProcess b = m.createProcess();
            Kernel32 k = a.kernel32();
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, inheritable(), PAGE_READWRITE, 0, 0x1000, null);
            long hb = k.OpenProcess(PROCESS_DUP_HANDLE, false, b.id());
            LongByReference out = new LongByReference();
            assertThat(k.DuplicateHandle(-1, h, hb, out, FILE_MAP_READ, false, 0)).isTrue();
            var mine = a.inspector().handles();
            assertThat(mine).extracting(x -> x.handle()).containsExactly(h, hb);
            assertThat(mine.get(0).type()).isEqualTo("Section");
            assertThat(mine.get(0).flags()).isEqualTo(HANDLE_FLAG_INHERIT);
            assertThat(mine.get(1).type()).isEqualTo("Process");
            assertThat(mine.get(1).access()).isEqualTo(PROCESS_DUP_HANDLE);
            var theirs = b.inspector().handles();
            assertThat(theirs).hasSize(1);
            assertThat(theirs.get(0).handle()).isEqualTo(out.getValue());
            assertThat(theirs.get(0).access()).isEqualTo(FILE_MAP_READ);
            assertThat(theirs.get(0).objectId()).as("the same section").isEqualTo(mine.get(0).objectId());
            b.terminate(0);
            assertThat(b.inspector().handles()).as("an ended process holds none").isEmpty();
        }
    }

    private static long dup(Kernel32 k, long h, int access, boolean inherit) {
        LongByReference out = new LongByReference();
        assertThat(k.DuplicateHandle(k.GetCurrentProcess(), h, k.GetCurrentProcess(), out, access, inherit, 0))
                .isTrue();
        return out.getValue();
    }

    /**
     * The section lives while any handle or view in any process names it, and its commit goes with the last one:
     * handles in two processes are two references to one object (Richter, chapter 3: the usage count).
     */
    @Test
    void theSectionDiesWithTheLastHandleInAnyProcess() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess parent = m.createProcess();
            Kernel32 k = parent.kernel32();
            long before = m.inspector().counters().commitChargeBytes();
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, inheritable(), PAGE_READWRITE, 0, 0x100000, null);
            assertThat(m.inspector().counters().commitChargeBytes()).isGreaterThanOrEqualTo(before + 0x100000);
            PROCESS_INFORMATION pi = new PROCESS_INFORMATION();
            assertThat(k.CreateProcess("C:\\PageLab\\blank.exe", null, null, null, true, 0, 0, null,
                    new STARTUPINFO(), pi)).isTrue();
            Kernel32 kc = byId(m, pi.dwProcessId).kernel32();
            assertThat(kc.GetCommandLine()).as("no command line: the application name").isEqualTo(
                    "C:\\PageLab\\blank.exe");
            assertThat(k.CloseHandle(h)).isTrue();
            assertThat(m.inspector().counters().commitChargeBytes()).as("the child's handle keeps it")
                    .isGreaterThanOrEqualTo(before + 0x100000);
            assertThat(kc.CloseHandle(h)).isTrue();
            assertThat(m.inspector().counters().commitChargeBytes()).as("gone with the last handle")
                    .isLessThan(before + 0x100000);
            k.CloseHandle(pi.hProcess);
            k.CloseHandle(pi.hThread);
        }
    }

    /**
     * Wine 8: CreateProcess of a missing image fails with ERROR_FILE_NOT_FOUND. CREATE_SUSPENDED is refused: the
     * simulated API has no ResumeThread. A process handle is signalled when the process ends.
     */
    @Test
    void createProcessFailuresAndWaitingForAChild() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            PROCESS_INFORMATION pi = new PROCESS_INFORMATION();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.CreateProcess("C:\\nope.exe", null, null, null, true, 0, 0, null, new STARTUPINFO(), pi))
                    .isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_FILE_NOT_FOUND);
            assertThat(k.CreateProcess(null, "blank", null, null, false, CREATE_SUSPENDED, 0, null,
                    new STARTUPINFO(), pi)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_SUPPORTED);
            assertThat(k.CreateProcess(null, "blank", null, null, false, 0, 0, null, new STARTUPINFO(), pi))
                    .as("the command line's module gets .exe").isTrue();
            assertThat(k.WaitForSingleObject(pi.hProcess, 0)).isEqualTo(WAIT_TIMEOUT);
            byId(m, pi.dwProcessId).terminate(3);
            assertThat(k.WaitForSingleObject(pi.hProcess, INFINITE)).isEqualTo(WAIT_OBJECT_0);
            assertThat(k.WaitForSingleObject(pi.hThread, INFINITE)).isEqualTo(WAIT_OBJECT_0);
        }
    }
}

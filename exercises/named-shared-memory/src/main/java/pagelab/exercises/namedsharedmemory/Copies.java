package pagelab.exercises.namedsharedmemory;

import static pagelab.exercises.namedsharedmemory.MemoShare.NAME;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * Running copies of the student's MMFShare, one simulated process each, plus the checker's own process that looks
 * at the named mapping from outside (and closes every handle it opens at once, so it never keeps the object alive).
 * One per check run.
 */
final class Copies {
    private final CheckContext ctx;
    private final Machine machine;
    private final WinProcess probe;
    private final List<Copy> copies = new ArrayList<>();

    /** One copy of the program: a process and the student's object in it. */
    record Copy(int ordinal, WinProcess process, MemoShare share) {
        /** The copy's name in the text it stores: {@code process A (PID 4)}. */
        String name() {
            return "process " + letter() + " (PID " + process.id() + ")";
        }

        /** The copy's name in a message, translatable: {@code process A (PID 4)}. */
        Msg label() {
            return Msg.of("process", "process {0} (PID {1})", letter(), String.valueOf(process.id()));
        }

        private String letter() {
            return String.valueOf((char) ('A' + ordinal - 1));
        }
    }

    Copies(CheckContext ctx, Machine machine, WinProcess probe) {
        this.ctx = ctx;
        this.machine = machine;
        this.probe = probe;
    }

    /** On the check's own machine, probing from the check's process. */
    Copies(CheckContext ctx) {
        this(ctx, ctx.machine(), ctx.process());
    }

    Copy start() {
        Copy c = new Copy(copies.size() + 1, machine.createProcess(), (MemoShare) ctx.newSolution());
        copies.add(c);
        return c;
    }

    int create(Copy c, String text) {
        return call(c, "create", () -> c.share().create(c.process().kernel32(), c.process().memory(), text));
    }

    String read(Copy c) {
        return call(c, "read", () -> c.share().read(c.process().kernel32(), c.process().memory()));
    }

    void close(Copy c) {
        call(c, "close", () -> {
            c.share().close(c.process().kernel32(), c.process().memory());
            return null;
        });
    }

    /** Whether a mapping named {@code NAME} exists now (the checker's OpenFileMapping succeeds). */
    boolean exists() {
        Kernel32 k = probe.kernel32();
        long h = k.OpenFileMapping(WinNT.FILE_MAP_READ, false, NAME);
        if (h != 0) {
            k.CloseHandle(h);
        }
        return h != 0;
    }

    /** The string at the start of the mapping, or null if there is none. */
    String content() {
        Kernel32 k = probe.kernel32();
        long h = k.OpenFileMapping(WinNT.FILE_MAP_READ, false, NAME);
        if (h == 0) {
            return null;
        }
        long view = k.MapViewOfFile(h, WinNT.FILE_MAP_READ, 0, 0, 0);
        String text = view == 0 ? null : probe.memory().getString(view);
        if (view != 0) {
            k.UnmapViewOfFile(view);
        }
        k.CloseHandle(h);
        return text;
    }

    /** Replaces the text in the mapping from the checker's process, as another program would. */
    void overwrite(String text) {
        Kernel32 k = probe.kernel32();
        long h = k.OpenFileMapping(WinNT.FILE_MAP_WRITE, false, NAME);
        long view = h == 0 ? 0 : k.MapViewOfFile(h, WinNT.FILE_MAP_WRITE, 0, 0, 0);
        if (view != 0) {
            probe.memory().setString(view, text);
            k.UnmapViewOfFile(view);
        }
        if (h != 0) {
            k.CloseHandle(h);
        }
    }

    /** The mapped views (MEM_MAPPED allocations) in the copy's address space. */
    List<Allocation> views(Copy c) {
        return c.process().inspector().snapshot().allocations().stream()
                .filter(a -> a.type() == WinNT.MEM_MAPPED).toList();
    }

    /** Mapping handles the copy got from CreateFileMapping/OpenFileMapping and has not closed, in hex. */
    Set<String> openMappingHandles(Copy c) {
        Set<String> open = new HashSet<>();
        for (TraceEvent e : c.process().inspector().trace()) {
            if (e instanceof KernelCall k && !k.failed()) {
                if (k.function().equals("CreateFileMapping") || k.function().equals("OpenFileMapping")) {
                    open.add(k.result());
                } else if (k.function().equals("CloseHandle")) {
                    open.remove(k.arguments().get(0));
                }
            }
        }
        return open;
    }

    /** The copy's calls of {@code function}. */
    List<KernelCall> calls(Copy c, String function) {
        List<KernelCall> out = new ArrayList<>();
        for (TraceEvent e : c.process().inspector().trace()) {
            if (e instanceof KernelCall k && k.function().equals(function)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Evidence: every copy's kernel calls and faults. */
    Evidence trace() {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent e : machine.inspector().trace()) {
            if (copies.stream().anyMatch(c -> c.process().id() == e.processId())) {
                events.add(e);
            }
        }
        return Evidence.trace("Kernel calls and faults of the copies", events);
    }

    Evidence snapshot(Copy c) {
        return Evidence.snapshot("Address space of " + c.name(), c.process().inspector().snapshot());
    }

    /** A string the solution stored or returned, in quotes, its first 40 characters if it is longer. */
    static Msg quote(String s) {
        return s == null ? Msg.text("null") : s.length() > 40 ? Msg.of("quote.long", "\"{0}...\" ({1} characters)",
                s.substring(0, 40), String.valueOf(s.length())) : Msg.text("\"" + s + "\"");
    }

    /** {@code [0x00230000 (4,096 bytes), ...]}, translatable. */
    static Msg views(List<Allocation> views) {
        Msg list = null;
        for (Allocation a : views) {
            Msg view = Msg.of("view-at", "{0} ({1})", Win32Names.hex(a.base()), bytes(a.size()));
            list = list == null ? view : Msg.of("list", "{0}, {1}", list, view);
        }
        return Msg.of("bracketed", "[{0}]", list == null ? Msg.text("") : list);
    }

    /** {@code 1 byte}, {@code 4,096 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }

    // A crash in the student's code ends the simulated process; say which copy and call crashed.
    private <T> T call(Copy c, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} in {1} crashed the process: {2}.",
                    what, c.label(), Win32Names.exception(e.record())))
                    .hint("unchecked-handle",
                            "Check every handle and view for 0 before using it.").evidence(trace()));
        }
    }
}

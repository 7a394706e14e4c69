package pagelab.exercises.mappingbyhandle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HandleInfo;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The processes of one check run: the parent running the student's program, the child it starts, and another
 * program already running that the parent sends a handle to. Each process gets an object of the student's class of
 * its own. One per check run.
 */
final class Family {
    private final CheckContext ctx;
    private final Machine machine;
    final WinProcess parent;
    private final HandleShare parentShare;
    private WinProcess child;

    Family(CheckContext ctx) {
        this.ctx = ctx;
        this.machine = ctx.machine();
        this.parent = machine.createProcess();
        this.parentShare = (HandleShare) ctx.newSolution();
    }

    /** The commit charge of the whole machine, in bytes: a paging-file section charges its size while it lives. */
    long commit() {
        return machine.inspector().counters().commitChargeBytes();
    }

    int startChild(String text) {
        return call(parent, "startChild", () -> parentShare.startChild(parent.kernel32(), parent.memory(), text));
    }

    /** The process startChild started, found by the id it returned; null if there is none. */
    WinProcess child(int pid) {
        child = machine.processes().stream().filter(p -> p.id() == pid && p != parent).findFirst().orElse(null);
        return child;
    }

    String readInherited(WinProcess c) {
        HandleShare s = (HandleShare) ctx.newSolution();
        return call(c, "readInherited", () -> s.readInherited(c.kernel32(), c.memory()));
    }

    void close() {
        call(parent, "close", () -> {
            parentShare.close(parent.kernel32(), parent.memory());
            return null;
        });
    }

    /** Another program, already running: the process sendTo sends to. */
    WinProcess other() {
        return machine.createProcess();
    }

    long sendTo(String text, int pid) {
        return call(parent, "sendTo", () -> parentShare.sendTo(parent.kernel32(), parent.memory(), text, pid));
    }

    String receive(WinProcess target, long h) {
        HandleShare s = (HandleShare) ctx.newSolution();
        return call(target, "receive", () -> s.receive(target.kernel32(), target.memory(), h));
    }

    /** The process's open handles of a type ({@code Section}, {@code Process}, {@code Thread}); all when null. */
    static List<HandleInfo> handles(WinProcess p, String type) {
        return p.inspector().handles().stream().filter(h -> type == null || h.type().equals(type)).toList();
    }

    /** The handle {@code value} of the process, or null if it has none of that value. */
    static HandleInfo handle(WinProcess p, long value) {
        return p.inspector().handles().stream().filter(h -> h.handle() == value).findFirst().orElse(null);
    }

    /** Handles as Process Explorer lists them: "Section 0x4, Process 0x10". */
    static String describe(List<HandleInfo> handles) {
        List<String> out = new ArrayList<>();
        for (HandleInfo h : handles) {
            out.add(h.type() + " " + Win32Names.hex(h.handle()));
        }
        return String.join(", ", out);
    }

    /** The process's calls of {@code function}. */
    static List<KernelCall> calls(WinProcess p, String function) {
        List<KernelCall> out = new ArrayList<>();
        for (TraceEvent e : p.inspector().trace()) {
            if (e instanceof KernelCall k && k.function().equals(function)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code "text"}, or its first 40 characters and its length; {@code null}. Translatable. */
    static Msg quote(String s) {
        return s == null ? Msg.text("null") : s.length() > 40 ? Msg.of("quote.long", "\"{0}...\" ({1} characters)",
                s.substring(0, 40), String.valueOf(s.length())) : Msg.of("quote", "\"{0}\"", s);
    }

    /** {@code 1 byte}, {@code 4,096 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#{0} bytes|1#{0} byte|1<{0} bytes}", count);
    }

    /** Evidence: the kernel calls and faults of the parent, the child and any other process of the run. */
    Evidence trace() {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent e : machine.inspector().trace()) {
            if (e.processId() != ctx.process().id()) {
                events.add(e);
            }
        }
        return Evidence.trace("Kernel calls and faults of the parent and the processes it shares with", events);
    }

    // A crash in the student's code ends the simulated process; say which process and call crashed.
    private <T> T call(WinProcess p, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} in PID {1} crashed the process: {2}.",
                    what, String.valueOf(p.id()), Win32Names.exception(e.record())))
                    .hint(null, Msg.of("hint.crash", "Check every handle and view for 0 before using it."))
                    .evidence(trace()));
        }
    }
}

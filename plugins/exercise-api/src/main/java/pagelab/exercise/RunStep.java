package pagelab.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;

/**
 * One event of a check's run as plain data, so that the run can cross the grading child's pipe and be stepped
 * through in the desktop's memory map. A call that changed the address space carries only what changed (the
 * allocations that are new or different, and the bases of those that went away), so a run stays small.
 *
 * @param kind        {@code CALL}, {@code FAULT} or {@code PROCESS}
 * @param function    the Win32 function, the exception's name for a fault, or the process event's kind
 * @param result      the call's result, a fault's disposition, or a process event's detail
 * @param line        the Java line of the caller (-1 if unknown)
 * @param snapshot    whether this step changed the address space (then {@code changed}/{@code removed} apply)
 * @since 0.1
 */
public record RunStep(long sequence, String kind, int threadId, String function, List<String> arguments,
                      String result, boolean failed, int lastError, String className, String methodName,
                      String fileName, int line, int exceptionCode, int access, long address, boolean snapshot,
                      long minAddress, long maxAddress, List<Allocation> changed, List<Long> removed) {

    public RunStep {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        changed = changed == null ? List.of() : List.copyOf(changed);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    /** The first {@code max} events as steps, each address-space picture as a difference from the one before. */
    public static List<RunStep> of(List<? extends TraceEvent> events, int max) {
        List<RunStep> out = new ArrayList<>();
        Map<Long, Allocation> current = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            if (out.size() >= max) {
                break;
            }
            SourceLocation at = SourceLocation.UNKNOWN;
            if (e instanceof KernelCall c) {
                at = c.caller() == null ? at : c.caller();
                List<Allocation> changed = new ArrayList<>();
                List<Long> removed = new ArrayList<>();
                AddressSpaceSnapshot after = c.after();
                if (after != null) {
                    Map<Long, Allocation> next = new LinkedHashMap<>();
                    for (Allocation a : after.allocations()) {
                        next.put(a.base(), a);
                        if (!a.equals(current.get(a.base()))) {
                            changed.add(a);
                        }
                    }
                    current.keySet().stream().filter(b -> !next.containsKey(b)).forEach(removed::add);
                    current = next;
                }
                out.add(new RunStep(c.sequence(), "CALL", c.threadId(), c.function(), c.arguments(), c.result(),
                        c.failed(), c.lastError(), at.className(), at.methodName(), at.fileName(), at.line(), 0, 0, 0,
                        after != null, after == null ? 0 : after.minAddress(), after == null ? 0 : after.maxAddress(),
                        changed, removed));
            } else if (e instanceof FaultEvent f) {
                at = f.caller() == null ? at : f.caller();
                EXCEPTION_RECORD r = f.record();
                out.add(new RunStep(f.sequence(), "FAULT", f.threadId(), Win32Names.exceptionCode(r.ExceptionCode),
                        List.of(), f.disposition(), false, 0, at.className(), at.methodName(), at.fileName(),
                        at.line(), r.ExceptionCode, r.NumberParameters > 0 ? (int) r.ExceptionInformation[0] : 0,
                        r.NumberParameters > 1 ? r.ExceptionInformation[1] : r.ExceptionAddress, false, 0, 0,
                        null, null));
            } else if (e instanceof ProcessEvent p) {
                out.add(new RunStep(p.sequence(), "PROCESS", p.threadId(), p.kind(), List.of(), p.detail(), false, 0,
                        "?", "?", null, -1, 0, 0, 0, false, 0, 0, null, null));
            }
        }
        return out;
    }

    /** The steps back as trace events, each changing call with its whole address space after it. */
    public static List<TraceEvent> toEvents(List<RunStep> steps, int processId) {
        List<TraceEvent> out = new ArrayList<>();
        TreeMap<Long, Allocation> current = new TreeMap<>();
        for (RunStep s : steps) {
            SourceLocation at = new SourceLocation(s.className() == null ? "?" : s.className(),
                    s.methodName() == null ? "?" : s.methodName(), s.fileName(), s.line());
            switch (s.kind()) {
                case "CALL": {
                    AddressSpaceSnapshot after = null;
                    if (s.snapshot()) {
                        s.removed().forEach(current::remove);
                        s.changed().forEach(a -> current.put(a.base(), a));
                        after = new AddressSpaceSnapshot(s.sequence(), s.minAddress(), s.maxAddress(),
                                new ArrayList<>(current.values()));
                    }
                    out.add(new KernelCall(s.sequence(), processId, s.threadId(), s.function(), s.arguments(),
                            s.result(), s.failed(), s.lastError(), at, after));
                    break;
                }
                case "FAULT": {
                    EXCEPTION_RECORD r = new EXCEPTION_RECORD();
                    r.ExceptionCode = s.exceptionCode();
                    r.NumberParameters = 2;
                    r.ExceptionInformation[0] = s.access();
                    r.ExceptionInformation[1] = s.address();
                    out.add(new FaultEvent(s.sequence(), processId, s.threadId(), r, null, List.of(), s.result(), at));
                    break;
                }
                default:
                    out.add(new ProcessEvent(s.sequence(), processId, s.threadId(), s.function(), s.result()));
            }
        }
        return out;
    }
}

package pagelab.app.desktop.trace;

import pagelab.app.desktop.Messages;
import pagelab.app.results.ReportText;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;

/** Trace events in Win32 notation, for the trace table and the step label. */
public final class TraceText {
    private TraceText() {
    }

    /** The event's name: the Win32 function, the exception code's name, or the process event's kind. */
    public static String name(TraceEvent e) {
        if (e instanceof KernelCall) {
            return ((KernelCall) e).function();
        }
        if (e instanceof FaultEvent) {
            return Win32Format.exceptionCode(((FaultEvent) e).record().ExceptionCode);
        }
        return ((ProcessEvent) e).kind();
    }

    /** The arguments ({@code 0x00000000, 0x10000, MEM_RESERVE, PAGE_READWRITE}) or what the fault touched. */
    public static String arguments(TraceEvent e, boolean is64) {
        if (e instanceof KernelCall) {
            return String.join(", ", ((KernelCall) e).arguments());
        }
        if (e instanceof FaultEvent) {
            return access(((FaultEvent) e).record(), is64);
        }
        // the simulator's English ("stack 0x30000-0x130000", "exit code 0x0: ...") in the UI language
        return ReportText.of(Messages.uiLocale()).processDetail(((ProcessEvent) e).detail());
    }

    /** The return value, or how a fault ended ({@code HANDLED}, {@code STACK_GROWN} ...). */
    public static String result(TraceEvent e) {
        if (e instanceof KernelCall) {
            return ((KernelCall) e).result();
        }
        if (e instanceof FaultEvent) {
            return ((FaultEvent) e).disposition();
        }
        return "";
    }

    /** {@code GetLastError()} after a failed call, else empty. */
    public static String error(TraceEvent e) {
        if (e instanceof KernelCall && ((KernelCall) e).failed()) {
            return Win32Format.error(((KernelCall) e).lastError());
        }
        return "";
    }

    public static String source(TraceEvent e) {
        SourceLocation s = e instanceof KernelCall ? ((KernelCall) e).caller()
                : e instanceof FaultEvent ? ((FaultEvent) e).caller() : null;
        return s == null || s.equals(SourceLocation.UNKNOWN) ? "" : where(s);
    }

    /**
     * A source location as the student should read it: the playground's own frames (its invoker and its
     * {@code __except} around each command) are named as "your command", not by their internal classes.
     */
    public static String where(SourceLocation s) {
        if (s.className().startsWith("pagelab.app.desktop.playground.")) {
            return Messages.get("trace.source.playground");
        }
        return s.toString();
    }

    /** One line: {@code VirtualFree(...) = FALSE  ERROR_INVALID_ADDRESS (487)}. */
    public static String summary(TraceEvent e) {
        String err = error(e);
        String result = result(e);
        // Process events have no result: no dangling "=".
        return name(e) + "(" + arguments(e, false) + ")" + (result.isEmpty() ? "" : " = " + result)
                + (err.isEmpty() ? "" : "  " + err);
    }

    /** {@code writing 0x00000000} for an access violation; the raw parameters for other exceptions. */
    public static String access(EXCEPTION_RECORD r, boolean is64) {
        boolean av = r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION
                || r.ExceptionCode == WinNT.STATUS_GUARD_PAGE_VIOLATION;
        if (av && r.NumberParameters >= 2 && r.ExceptionInformation != null) {
            String verb;
            switch ((int) r.ExceptionInformation[0]) {
                case WinNT.EXCEPTION_WRITE_FAULT:
                    verb = "fault.writing";
                    break;
                case WinNT.EXCEPTION_EXECUTE_FAULT:
                    verb = "fault.executing";
                    break;
                default:
                    verb = "fault.reading";
            }
            return Messages.format(verb, Win32Format.address(r.ExceptionInformation[1], is64));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; r.ExceptionInformation != null && i < Math.min(r.NumberParameters,
                r.ExceptionInformation.length); i++) {
            sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(r.ExceptionInformation[i]));
        }
        return sb.toString();
    }
}

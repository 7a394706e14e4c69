package pagelab.app.desktop.trace;

import pagelab.app.desktop.Messages;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.Region;
import pagelab.kernel.inspect.TraceEvent;

/**
 * HTML (3.2, for {@code JEditorPane}) that explains one trace event: a kernel call's arguments, result and error;
 * a fault's exception record in Win32 terms, the page's state at the instant of the fault with the reason it
 * faulted, the {@code __except} filters that ran and what each returned, and how the fault ended.
 */
public final class EventExplanation {
    private EventExplanation() {
    }

    public static String html(TraceEvent e, boolean is64) {
        return html(e, is64, null);
    }

    /**
     * As {@link #html(TraceEvent, boolean)}; {@code before} is the address space just before {@code e}, from which
     * a fault recorded without its page's state (a check's run keeps only the events) gets it back.
     */
    public static String html(TraceEvent e, boolean is64, AddressSpaceSnapshot before) {
        if (e == null) {
            return "<html><body><p>" + esc(Messages.get("explain.start")) + "</p></body></html>";
        }
        StringBuilder sb = new StringBuilder("<html><body>");
        if (e instanceof FaultEvent) {
            fault(sb, (FaultEvent) e, is64, before);
        } else {
            sb.append("<h3>").append(esc(TraceText.name(e))).append("</h3>");
            table(sb, new String[][] {
                {Messages.get("trace.column.arguments"), TraceText.arguments(e, is64)},
                {Messages.get("trace.column.result"), TraceText.result(e)},
                {Messages.get("trace.column.error"), TraceText.error(e)},
                {Messages.get("trace.column.source"), TraceText.source(e)}});
            if (e instanceof KernelCall && ((KernelCall) e).failed()) {
                sb.append("<p>").append(esc(Messages.get("explain.callFailed"))).append("</p>");
            }
        }
        return sb.append("</body></html>").toString();
    }

    private static void fault(StringBuilder sb, FaultEvent f, boolean is64, AddressSpaceSnapshot before) {
        EXCEPTION_RECORD r = f.record();
        sb.append("<h3>").append(esc(Win32Format.exceptionCode(r.ExceptionCode))).append("</h3>");
        sb.append("<p>").append(esc(Messages.format("explain.where", f.threadId(), TraceText.access(r, is64),
                TraceText.source(f)))).append("</p>");
        table(sb, new String[][] {
            {"ExceptionCode", String.format("0x%08X", r.ExceptionCode)},
            {"ExceptionFlags", String.format("0x%X", r.ExceptionFlags)},
            {"ExceptionAddress", r.ExceptionAddress != 0 ? Win32Format.address(r.ExceptionAddress, is64)
                    : Messages.format("explain.noExceptionAddress", TraceText.source(f))},
            {"NumberParameters", Integer.toString(r.NumberParameters)},
            {"ExceptionInformation", TraceText.access(r, is64)}});
        PageInfo p = f.pageBefore();
        boolean fromMap = false;
        if (p == null && before != null && r.NumberParameters >= 2 && r.ExceptionInformation != null) {
            p = pageAt(before, r.ExceptionInformation[1]);
            fromMap = p != null;
        }
        if (p != null) {
            sb.append("<h4>").append(esc(Messages.get(fromMap ? "explain.pageFromMap" : "explain.page")))
                    .append("</h4>");
            table(sb, new String[][] {
                {"BaseAddress", Win32Format.address(p.address(), is64)},
                {"AllocationBase", Win32Format.address(p.allocationBase(), is64)},
                {"State", Win32Format.state(p.state())},
                {"Protect", Win32Format.protection(p.protect())},
                {"Type", Win32Format.type(p.type())},
                {Messages.get("explain.flags"), flags(p)}});
            sb.append("<p>").append(esc(why(r, p))).append("</p>");
        }
        sb.append("<h4>").append(esc(Messages.get("explain.filters"))).append("</h4>");
        if (f.filters().isEmpty()) {
            sb.append("<p>").append(esc(Messages.get("explain.noFilters"))).append("</p>");
        } else {
            String[][] rows = new String[f.filters().size()][];
            for (int i = 0; i < rows.length; i++) {
                FaultEvent.FilterOutcome o = f.filters().get(i);
                rows[i] = new String[] {"#" + o.depth() + "  " + TraceText.where(o.filterLocation()),
                        Win32Format.filterResult(
                        o.result())};
            }
            table(sb, rows);
        }
        sb.append("<h4>").append(esc(Messages.get("explain.outcome"))).append("</h4><p><b>")
                .append(esc(f.disposition())).append("</b>: ")
                .append(esc(Messages.get("explain.disposition." + f.disposition()))).append("</p>");
    }

    /**
     * The page holding {@code address} as the map showed it just before the fault: its region's state, protection
     * and type (a guard page and copy-on-write are protection bits). Residency and dirtiness are not in a snapshot's
     * regions, so they read as false. Null when no region holds the address.
     */
    static PageInfo pageAt(AddressSpaceSnapshot snap, long address) {
        for (Region g : snap.regions()) {
            if (Long.compareUnsigned(address, g.base()) >= 0 && Long.compareUnsigned(address, g.end()) < 0) {
                int protect = g.protect();
                int base = protect & 0xFF;
                return new PageInfo(address & ~0xFFFL, g.allocationBase(), g.state(), protect, g.type(),
                        (protect & WinNT.PAGE_GUARD) != 0,
                        base == WinNT.PAGE_WRITECOPY || base == WinNT.PAGE_EXECUTE_WRITECOPY, false, false, false);
            }
        }
        return null;
    }

    private static String flags(PageInfo p) {
        StringBuilder sb = new StringBuilder();
        flag(sb, p.guard(), "guard");
        flag(sb, p.copyOnWrite(), "copy-on-write");
        flag(sb, p.shared(), "shared");
        flag(sb, p.resident(), "resident");
        flag(sb, p.dirty(), "dirty");
        return sb.toString();
    }

    private static void flag(StringBuilder sb, boolean on, String name) {
        if (on) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name);
        }
    }

    /** Why the access faulted, from the page's state: the sentence a teacher would say. */
    static String why(EXCEPTION_RECORD r, PageInfo p) {
        if (r.ExceptionCode == WinNT.STATUS_GUARD_PAGE_VIOLATION || p.guard()) {
            return Messages.get("explain.why.guard");
        }
        if (p.state() == WinNT.MEM_FREE) {
            return Messages.get("explain.why.free");
        }
        if (p.state() == WinNT.MEM_RESERVE) {
            return Messages.get("explain.why.reserved");
        }
        int base = p.protect() & 0xFF;
        boolean write = r.NumberParameters >= 1 && r.ExceptionInformation[0] == WinNT.EXCEPTION_WRITE_FAULT;
        boolean exec = r.NumberParameters >= 1 && r.ExceptionInformation[0] == WinNT.EXCEPTION_EXECUTE_FAULT;
        if (base == WinNT.PAGE_NOACCESS) {
            return Messages.get("explain.why.noaccess");
        }
        if (write) {
            return Messages.format("explain.why.write", Win32Format.protection(p.protect()));
        }
        if (exec) {
            return Messages.format("explain.why.execute", Win32Format.protection(p.protect()));
        }
        return Messages.get("explain.why.other");
    }

    private static void table(StringBuilder sb, String[][] rows) {
        // Full width, values wrap: a narrow details pane must not hide the right-hand column.
        sb.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
        for (String[] row : rows) {
            sb.append("<tr><td><b>").append(esc(row[0])).append("</b></td><td><code>").append(esc(row[1]))
                    .append("</code></td></tr>");
        }
        sb.append("</table>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

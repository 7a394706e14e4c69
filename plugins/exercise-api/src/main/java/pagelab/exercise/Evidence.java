package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.TraceEvent;

/**
 * Something a student can inspect to see why a check passed or failed: plain data (text lines and, for
 * {@link EvidenceKind#SNAPSHOT}, an address-space snapshot) that serialises to JSON.
 *
 * @param kind     what it shows
 * @param title    a caption, e.g. "Address space after setCell(0, 0)"
 * @param lines    the text, one entry per line; never null, at most {@link #MAX_LINES} plus a "more" line
 * @param snapshot the address space, for {@link EvidenceKind#SNAPSHOT}; otherwise null
 * @param steps    the run, for {@link EvidenceKind#RUN}; otherwise empty
 * @param titleMsg {@code title} as a translatable message ({@link #captioned}), or null: then {@link CheckTexts}
 *                 translates the English caption by its words; since 0.1.4
 * @param lineMsgs {@code lines} as translatable messages, one per line ({@link #note(Msg, Msg...)}), or empty
 *                 when the lines are plain text; since 0.1.4
 * @since 0.1
 */
public record Evidence(EvidenceKind kind, String title, List<String> lines, AddressSpaceSnapshot snapshot,
                       List<RunStep> steps, Msg titleMsg, List<Msg> lineMsgs) {

    /** Evidence stays small: longer lists keep their last lines (the ones closest to the failure). */
    public static final int MAX_LINES = 200;

    public Evidence {
        if (kind == null) {
            throw new IllegalArgumentException("Evidence: kind is null");
        }
        title = title == null ? "" : title;
        lines = lines == null ? List.of() : lines;
        lineMsgs = lineMsgs == null ? List.of() : lineMsgs;
        if (!lineMsgs.isEmpty() && lineMsgs.size() != lines.size()) {
            // the English lines are what old hosts show: translated lines that say something else would mislead
            throw new IllegalArgumentException("Evidence: " + lineMsgs.size() + " translatable lines for "
                    + lines.size() + " lines");
        }
        // MAX_LINES + 1 fits: evidence trimmed once (its "more" line and MAX_LINES) is not trimmed again when it is
        // read back from JSON or translated
        if (lines.size() > MAX_LINES + 1) {
            int left = lines.size() - MAX_LINES;
            lines = trim(lines, "... " + left + " earlier lines left out");
            lineMsgs = lineMsgs.isEmpty() ? lineMsgs : trim(lineMsgs, leftOut(left));
        }
        lines = List.copyOf(lines);
        lineMsgs = List.copyOf(lineMsgs);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Evidence with plain-text caption and lines (the API of 0.1.3). */
    public Evidence(EvidenceKind kind, String title, List<String> lines, AddressSpaceSnapshot snapshot,
                    List<RunStep> steps) {
        this(kind, title, lines, snapshot, steps, null, null);
    }

    /** Evidence without run steps (every kind but {@link EvidenceKind#RUN}). */
    public Evidence(EvidenceKind kind, String title, List<String> lines, AddressSpaceSnapshot snapshot) {
        this(kind, title, lines, snapshot, List.of());
    }

    /** How many events of a run are kept: enough for the check's story, small enough for the grading pipe. */
    public static final int MAX_STEPS = 150;

    /**
     * The run of a check, to step through in the memory map: its first {@link #MAX_STEPS} calls, faults and process
     * events, each address-space change as a difference.
     */
    public static Evidence run(String title, List<? extends TraceEvent> events) {
        return run(title, null, events);
    }

    /** The same, starting from {@code initial}: the address space when the check began (its {@link #snapshot()}). */
    public static Evidence run(String title, AddressSpaceSnapshot initial, List<? extends TraceEvent> events) {
        List<RunStep> steps = RunStep.of(events, MAX_STEPS);
        String line = steps.size() + " of " + events.size() + " kernel events; step through them in the memory map";
        return new Evidence(EvidenceKind.RUN, title, List.of(line), initial, steps);
    }

    // at most nine digits: a line that merely looks like this one (a checker may quote a solution's text) must
    // never fail to parse
    private static final Pattern LEFT_OUT = Pattern.compile("\\.\\.\\. (\\d{1,9}) earlier lines left out");

    private static Msg leftOut(long count) {
        return Msg.of("pagelab.evidence.left-out", "... {0} earlier lines left out", count);
    }

    /** The line this class puts first in place of the lines it left out, translatable; null for any other line. */
    static Msg leftOut(String line) {
        Matcher m = LEFT_OUT.matcher(line);
        return m.matches() ? leftOut(Long.parseLong(m.group(1))) : null;
    }

    private static <T> List<T> trim(List<T> lines, T leftOut) {
        List<T> out = new ArrayList<>();
        out.add(leftOut);
        out.addAll(lines.subList(lines.size() - MAX_LINES, lines.size()));
        return out;
    }

    /**
     * This evidence with a translatable caption, for a caption whose changing part is not at its end or is itself
     * words ("Counts for heap 0x00230000 (fresh from HeapCreate)"): {@code title} becomes its English.
     *
     * @since 0.1.4
     */
    public Evidence captioned(Msg caption) {
        return new Evidence(kind, caption.english(), lines, snapshot, steps, caption, lineMsgs);
    }

    /**
     * This evidence as a student reads it: {@code shownTitle} and {@code shownLines} in place of the caption and
     * lines, the translatable caption and lines kept so that it can be read in another language again.
     *
     * @since 0.1.4
     */
    public Evidence shown(String shownTitle, List<String> shownLines) {
        return new Evidence(kind, shownTitle, shownLines, snapshot, steps, titleMsg,
                shownLines.size() == lineMsgs.size() ? lineMsgs : List.of());
    }

    /** This evidence without its snapshot and run, which can be megabytes (what a saved result keeps). */
    public Evidence withoutPictures() {
        return new Evidence(kind, title, lines, null, List.of(), titleMsg, lineMsgs);
    }

    /** The Kernel32 calls among {@code events}, one line each: {@code #7 VirtualAlloc(...) = 0x... at ...}. */
    public static Evidence calls(String title, List<? extends TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e instanceof KernelCall c) {
                out.add(describe(c));
            }
        }
        return new Evidence(EvidenceKind.CALLS, title, out, null);
    }

    /** The exceptions among {@code events}, one line each. */
    public static Evidence faults(String title, List<? extends TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e instanceof FaultEvent f) {
                out.add(describe(f));
            }
        }
        return new Evidence(EvidenceKind.FAULTS, title, out, null);
    }

    /** Calls, faults and process events interleaved, in trace order. */
    public static Evidence trace(String title, List<? extends TraceEvent> events) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            out.add(describe(e));
        }
        return new Evidence(EvidenceKind.TRACE, title, out, null);
    }

    /** An address-space snapshot, which the desktop draws as a memory map. */
    public static Evidence snapshot(String title, AddressSpaceSnapshot snapshot) {
        return new Evidence(EvidenceKind.SNAPSHOT, title, List.of(), snapshot);
    }

    /** One expected/actual pair. */
    public static Evidence expectedActual(String title, String expected, String actual) {
        return new Evidence(EvidenceKind.EXPECTED_ACTUAL, title,
                List.of("expected: " + expected, "actual:   " + actual), null);
    }

    /** Free text. */
    public static Evidence note(String title, String... lines) {
        return new Evidence(EvidenceKind.NOTE, title, List.of(lines), null);
    }

    /**
     * Free text a translation can say in the student's language: the caption and each line a {@link Msg}
     * ({@link Msg#text} for a line of code, addresses or Win32 names that reads the same in every language). The
     * English is the caption and lines as before, so a host older than 0.1.4 shows it as it showed
     * {@link #note(String, String...)}.
     *
     * @since 0.1.4
     */
    public static Evidence note(Msg title, Msg... lines) {
        List<Msg> msgs = List.of(lines);
        return new Evidence(EvidenceKind.NOTE, title.english(), msgs.stream().map(Msg::english).toList(), null,
                List.of(), title, msgs);
    }

    /** One trace event in the notation the evidence uses. */
    public static String describe(TraceEvent event) {
        if (event instanceof KernelCall c) {
            return describe(c);
        }
        if (event instanceof FaultEvent f) {
            return describe(f);
        }
        ProcessEvent p = (ProcessEvent) event;
        return "#" + p.sequence() + " " + p.kind() + " " + p.detail();
    }

    private static String describe(KernelCall c) {
        String line = "#" + c.sequence() + " " + c.function() + "(" + String.join(", ", c.arguments()) + ") = "
                + c.result();
        if (c.failed()) {
            line += " [" + Win32Names.error(c.lastError()) + "]";
        }
        return line + at(c.caller() == null ? null : c.caller().toString());
    }

    private static String describe(FaultEvent f) {
        EXCEPTION_RECORD r = f.record();
        return "#" + f.sequence() + " " + Win32Names.exception(r) + " -> " + f.disposition()
                + at(f.caller() == null ? null : f.caller().toString());
    }

    private static String at(String where) {
        return where == null || where.startsWith("?") ? "" : "  at " + where;
    }
}

package pagelab.app.results;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pagelab.app.results.KnownTexts.Known;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.Evidence;
import pagelab.exercise.GradeReport;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.CompiledSolution;
import pagelab.solutions.PolicyViolation;

/**
 * PageLab's own words in its reports (the text report of {@code pagelab check}, Gradescope's output, the notes of a
 * gradebook, compile errors and refusals around javac's and the policy's messages) in one language, from
 * {@code pagelab/app/results/report*.properties}. English is the base bundle and prints exactly what PageLab printed
 * before these words were translatable; {@code _zh_CN} is Simplified Chinese. The check's own titles, messages and
 * hints are the exercise's ({@link pagelab.exercise.CheckTexts}).
 */
public final class ReportText {
    static final String BUNDLE = "pagelab.app.results.report";
    /** English whatever the JVM's locale: the base bundle. */
    public static final ReportText ENGLISH = new ReportText(Locale.ROOT);
    /** The languages besides English that these words are translated into (a {@code report_*.properties} each). */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE);

    // The words SolutionCompiler adds to "cannot find symbol" for a method newer than Java 17 (English only there).
    private static final Pattern NEWER_JAVA = Pattern.compile(
            ": (\\w+)\\.(\\w+)\\(\\) came with Java (\\d+), but solutions are compiled as Java 17, which does not have "
                    + "it$");

    // Win32Format.exception's English words around its Win32 names: an access violation's access and address, a guard
    // page's address, an exception code without a name.
    private static final Pattern ACCESS = Pattern.compile(
            "(EXCEPTION_ACCESS_VIOLATION \\(0xC0000005\\)) (reading|writing|executing) (0x[0-9A-F]{8,16})");
    private static final Pattern GUARD = Pattern.compile(
            "(STATUS_GUARD_PAGE_VIOLATION \\(0x80000001\\)) at (0x[0-9A-F]{8,16})");
    private static final Pattern UNNAMED = Pattern.compile("\\bexception (0x[0-9A-F]{8})\\b");
    // The simulator's words when a process ends (SimProcess, SimHeaps): in ProcessTerminatedException's and
    // UnhandledSehException's messages, which checks quote, and in the trace's PROCESS_EXITED events.
    private static final String DESCRIBED = "access violation: (?:write to|read from|execute at) 0x[0-9A-F]+"
            + "|guard page violation at 0x[0-9A-F]+|stack overflow";
    private static final Pattern UNHANDLED = Pattern.compile(
            "unhandled exception (0x[0-9A-F]{8}) \\((" + DESCRIBED + "|exception record [^)]*)\\)");
    private static final Pattern REFAULT = Pattern.compile("the same fault \\((" + DESCRIBED + "|exception record "
            + "[^)]*)\\) was continued (\\d+) times without being cured: a filter returned EXCEPTION_CONTINUE_EXECUTION "
            + "but did not fix the page");
    private static final Pattern DESCRIPTION = Pattern.compile(
            "access violation: (write to|read from|execute at) (0x[0-9A-F]+)|guard page violation at (0x[0-9A-F]+)"
                    + "|stack overflow");
    private static final Pattern ENDED = Pattern.compile("\\bprocess (\\d+) has ended: ");
    private static final Pattern PROCESS_PREFIX = Pattern.compile("\\bprocess (\\d+): (?=unhandled exception|the "
            + "same fault|未处理|同一个)");
    private static final Pattern TERMINATED = Pattern.compile("\\bterminated with exit code (-?\\d+)");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile("\\bthread (\\d+) ended with the Java exception ");
    private static final Pattern HEAP_CORRUPTION = Pattern.compile("\\bheap corruption in heap (0x[0-9a-fA-F]+): "
            + "(?:block (0x[0-9a-fA-F]+) was freed twice|the header of block (0x[0-9a-fA-F]+) was overwritten) "
            + "\\(HeapEnableTerminationOnCorruption ends the process with STATUS_HEAP_CORRUPTION 0xC0000374\\)");
    private static final Pattern EXIT_DETAIL = Pattern.compile("exit code (0x[0-9A-F]+|-?\\d+)(?:: (.*))?",
            Pattern.DOTALL);
    private static final Pattern STACK_DETAIL = Pattern.compile("stack (0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)");

    // Why a submission could not be graded at all (Submissions, SourceText, ClassGrader), by their one wording.
    private static final KnownTexts PROBLEMS = KnownTexts.of(
            new Known("no \\.java files in (.+)", "problem.noJavaFiles"),
            new Known("no such file or folder: (.+)", "problem.noSuchFile"),
            new Known("two files named (.+) under (.+); keep one", "problem.twoFiles"),
            new Known("the grading worker stopped before this submission", "problem.workerStopped"),
            new Known(Pattern.compile("grading failed: (.+)", Pattern.DOTALL), "problem.gradingFailed"),
            new Known("cannot read (.+?): it is larger than (\\d+) KB, too large for a source", "problem.tooLarge"),
            new Known("cannot read (.+?): it is not text: it holds a NUL byte on line (\\d+)", "problem.nul"),
            new Known("cannot read (.+?): it is not text: it holds the control character (U\\+[0-9A-F]{4}) "
                    + "on line (\\d+)", "problem.control"),
            new Known("cannot read (.+?): it is in no encoding PageLab knows \\(([^)]*)\\): the first "
                    + "byte that is not UTF-8 is (0x[0-9A-F]{2}) on line (\\d+)", "problem.encoding"),
            new Known("cannot read (.+?): it starts with the byte-order mark of (\\S+) but is not valid "
                    + "\\S+ \\(cut short or damaged\\?\\)", "problem.bom"));

    // SolutionPolicy's own refusals that do not come from solution-rules.txt
    private static final Pattern MORE_USES = Pattern.compile("(\\d+) more uses");
    private static final Pattern NOT_A_CLASS_FILE = Pattern.compile(
            "it is not a class file the JVM would load \\((\\w+)\\)");

    // Evidence.describe's lines: a process event, the Java line a call came from, an expected/actual pair
    private static final Pattern PROCESS_LINE = Pattern.compile(
            "(#\\d+ (?:THREAD_CREATED|THREAD_EXITED|PROCESS_EXITED) )(.*?)(  at \\S+)?", Pattern.DOTALL);
    private static final Pattern AT_LINE = Pattern.compile("  at (\\S+)$");
    private static final Pattern EXPECTED_ACTUAL = Pattern.compile("(expected|actual): +(.*)", Pattern.DOTALL);

    private final ResourceBundle bundle;
    private final Locale locale;
    private volatile java.util.Properties policy;

    private ReportText(Locale locale) {
        ResourceBundle b;
        try {
            b = ResourceBundle.getBundle(BUNDLE, locale, ReportText.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            b = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, ReportText.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        this.bundle = b;
        this.locale = locale;
    }

    /** The words for {@code locale} (null: English); a language PageLab does not speak reads as English. */
    public static ReportText of(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")) {
            return ENGLISH;
        }
        ReportText t = new ReportText(locale);
        return t.english() ? ENGLISH : t;
    }

    /**
     * The locale a {@code --lang} option names ({@code zh-CN}, {@code zh_CN}, {@code en}), or the JVM's default
     * locale (the user's) when it is null.
     */
    public static Locale locale(String lang) {
        return lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang.trim().replace('_', '-'));
    }

    /** Whether these are the English words (the base bundle). */
    public boolean english() {
        return bundle.getLocale().getLanguage().isEmpty();
    }

    /** The locale asked for (the translation's, or {@link Locale#ROOT} for English). */
    public Locale locale() {
        return english() ? Locale.ROOT : locale;
    }

    /** The text of {@code key}; a key the bundle lacks reads as {@code !key!}. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** {@code key}'s pattern with {@code args}, each turned into a string first (numbers as Java prints them). */
    public String format(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(get(key), locale()).format(strings);
    }

    /** A check's status as the reports print it: {@code PASS}, {@code FAIL} ..., or 通过, 未通过 .... */
    public String status(CheckStatus status) {
        return get("status." + status.name());
    }

    /** The widest status word, in columns of a terminal (a Chinese character takes two). */
    public int statusWidth() {
        int w = 0;
        for (CheckStatus s : CheckStatus.values()) {
            w = Math.max(w, columns(status(s)));
        }
        return w;
    }

    /** {@code text} followed by spaces up to {@code width} terminal columns. */
    public static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - columns(text)));
    }

    /** Terminal columns of {@code text}: two for a wide (CJK, full-width) character, one for any other. */
    public static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            n += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return n;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD);
    }

    /** How a run was kept apart ("policy", "bubblewrap"), in these words; an unknown one as it is. */
    public String isolation(String isolation) {
        return bundle.containsKey("isolation." + isolation) ? get("isolation." + isolation) : isolation;
    }

    /**
     * A compiler message as javac prints it, {@code File.java:12:5: error: ...}, with "error" and PageLab's words
     * about a method newer than Java 17 in this language (javac's own message is what the diagnostic holds: see
     * {@code pagelab.app.grading.Grader#compiledIn} for javac's in the student's language). In English exactly
     * {@link CompileDiagnostic#toString()}.
     */
    public String diagnostic(CompileDiagnostic d) {
        return (d.file() == null ? "" : d.file() + ":" + d.line() + ":" + d.column() + ": ")
                + format(d.error() ? "diagnostic.error" : "diagnostic.warning", message(d));
    }

    /** The diagnostic's message, with PageLab's note about a method newer than Java 17 in this language. */
    public String message(CompileDiagnostic d) {
        if (english()) {
            return d.message();
        }
        Matcher m = NEWER_JAVA.matcher(d.message());
        if (!m.find()) {
            return d.message();
        }
        return d.message().substring(0, m.start()) + format("diagnostic.newerJava", m.group(1), m.group(2),
                m.group(3));
    }

    /** A refusal of the solution policy as {@link PolicyViolation#toString()} says it, in this language. */
    public String violation(PolicyViolation v) {
        return v.sourceFile() + (v.line() > 0 ? ":" + v.line() : "") + ": " + violationMessage(v);
    }

    private String violationMessage(PolicyViolation v) {
        Matcher more = MORE_USES.matcher(v.what());
        String what = more.matches() ? format("violation.moreUses", more.group(1)) : v.what();
        return format("violation", what, reason(v.reason()));
    }

    /**
     * A reason of the solution policy ({@code solution-rules.txt}: "reflection is not available to solutions") in
     * this language, from {@code policy_LANG.properties} keyed by the reason's words; a reason it lacks as it is.
     */
    public String reason(String reason) {
        if (english() || reason == null) {
            return reason;
        }
        Matcher classFile = NOT_A_CLASS_FILE.matcher(reason);
        if (classFile.matches()) {
            return format("violation.notAClassFile", classFile.group(1));
        }
        return policy().getProperty(slug(reason), reason);
    }

    /** The key of a policy reason: its words in lower case joined by {@code -}. */
    static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private java.util.Properties policy() {
        java.util.Properties p = policy;
        if (p == null) {
            p = new java.util.Properties();
            String name = "/pagelab/app/results/policy_" + bundle.getLocale() + ".properties";
            try (java.io.InputStream in = ReportText.class.getResourceAsStream(name)) {
                if (in != null) {
                    p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                // no translation of the policy's reasons: they stay English
            }
            policy = p;
        }
        return p;
    }

    /**
     * javac's messages and the policy's refusals, as {@link CompiledSolution#markers()} lists them for an editor's
     * gutter, in this language.
     */
    public List<CompileDiagnostic> markers(CompiledSolution c) {
        List<CompileDiagnostic> out = new java.util.ArrayList<>();
        for (CompileDiagnostic d : c.diagnostics()) {
            out.add(new CompileDiagnostic(d.file(), d.line(), d.column(), d.error(), message(d)));
        }
        for (PolicyViolation v : c.violations()) {
            out.add(new CompileDiagnostic(v.sourceFile(), v.line(), 0, true, violationMessage(v)));
        }
        return List.copyOf(out);
    }

    /** Why the solution cannot run, in one line, as {@link CompiledSolution#summary()} says it, in this language. */
    public String summary(CompiledSolution c) {
        List<CompileDiagnostic> errors = c.errors();
        if (!errors.isEmpty()) {
            return errors.size() > 1 ? format("summary.doesNotCompileMore", diagnostic(errors.get(0)), errors.size() - 1)
                    : format("summary.doesNotCompile", diagnostic(errors.get(0)));
        }
        if (!c.violations().isEmpty()) {
            return c.violations().size() > 1
                    ? format("summary.rejectedMore", violation(c.violations().get(0)), c.violations().size() - 1)
                    : format("summary.rejected", violation(c.violations().get(0)));
        }
        return c.summary();
    }

    /**
     * {@code text} with the English words that {@code Win32Names.exception} (the kernel's {@code Win32Format}) puts
     * around Win32 names in this language: "EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40000",
     * "STATUS_GUARD_PAGE_VIOLATION (0x80000001) at 0x...", "exception 0xE0000001". A checker pastes that fragment into
     * its messages as text, so the host finds it by its one format; the names, codes and addresses stay. English, and
     * null, come back as they are.
     */
    public String faults(String text) {
        if (english() || text == null) {
            return text;
        }
        String out = replace(ACCESS, text, m -> format("fault." + m.group(2), m.group(1), m.group(3)));
        out = replace(GUARD, out, m -> format("fault.guard", m.group(1), m.group(2)));
        out = replace(UNHANDLED, out, m -> format("process.unhandled", m.group(1), described(m.group(2))));
        out = replace(REFAULT, out, m -> format("process.refault", described(m.group(1)), m.group(2)));
        out = replace(UNNAMED, out, m -> format("fault.unnamed", m.group(1)));
        out = replace(ENDED, out, m -> format("process.ended", m.group(1)));
        out = replace(PROCESS_PREFIX, out, m -> format("process.prefix", m.group(1)));
        out = replace(TERMINATED, out, m -> format("process.terminated", m.group(1)));
        out = replace(JAVA_EXCEPTION, out, m -> format("process.javaException", m.group(1)));
        return replace(HEAP_CORRUPTION, out, m -> m.group(2) != null
                ? format("process.heap.freedTwice", m.group(1), m.group(2))
                : format("process.heap.overwritten", m.group(1), m.group(3)));
    }

    /** SimProcess's description of an exception record, in this language. */
    private String described(String description) {
        Matcher m = DESCRIPTION.matcher(description);
        if (!m.matches()) {
            return description;
        }
        if (m.group(1) != null) {
            return format("process.av." + m.group(1).replace(' ', '-'), m.group(2));
        }
        return m.group(3) != null ? format("process.guard", m.group(3)) : get("process.stackOverflow");
    }

    /**
     * A process event's detail as the simulator writes it (THREAD_CREATED's "stack 0x30000-0x130000", THREAD_EXITED's
     * "exit code 0", PROCESS_EXITED's "exit code 0xC0000005: unhandled exception ..."), in this language; an image's
     * path, and any detail it does not know, as it is.
     */
    public String processDetail(String detail) {
        if (english() || detail == null) {
            return detail;
        }
        Matcher stack = STACK_DETAIL.matcher(detail);
        if (stack.matches()) {
            return format("process.detail.stack", stack.group(1), stack.group(2));
        }
        Matcher exit = EXIT_DETAIL.matcher(detail);
        if (exit.matches()) {
            if (exit.group(2) == null) {
                return format("process.detail.exit", exit.group(1));
            }
            String reason = switch (exit.group(2)) {
                case "failed to start" -> get("process.failedToStart");
                case "the machine was shut down" -> get("process.shutDown");
                default -> faults(exit.group(2));
            };
            return format("process.detail.exitBecause", exit.group(1), reason);
        }
        return detail;
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(with.apply(m)));
        }
        return m.appendTail(b).toString();
    }

    /** {@code c} with {@link #faults(String)} applied to its message, expected and actual values, hint and evidence. */
    public CheckResult faults(CheckResult c) {
        if (english()) {
            return c;
        }
        List<Evidence> evidence = c.evidence().stream().map(e -> e.shown(e.title(),
                e.lines().stream().map(this::evidenceLine).toList())).toList();
        return new CheckResult(c.checkId(), c.title(), c.status(), c.points(), c.maxPoints(), faults(c.message()),
                faults(c.expected()), faults(c.actual()), faults(c.hint()), evidence, c.failureMode(),
                c.messageParts(), c.expectedMsg(), c.actualMsg(), c.hintMsg());
    }

    /**
     * A line of evidence as the exercise API writes it ({@code Evidence.describe}: "#12 VirtualAlloc(...) = 0x0  at
     * Foo.java:12", "#3 THREAD_CREATED stack 0x30000-0x130000", "expected: ...") with PageLab's words in this
     * language and the Win32 notation as it is.
     */
    public String evidenceLine(String line) {
        if (english() || line == null) {
            return line;
        }
        String out = line;
        Matcher event = PROCESS_LINE.matcher(out);
        if (event.matches()) {
            out = event.group(1) + processDetail(event.group(2)) + (event.group(3) == null ? "" : event.group(3));
        }
        Matcher at = AT_LINE.matcher(out);
        if (at.find()) {
            out = out.substring(0, at.start()) + "  " + format("evidence.at", at.group(1));
        }
        Matcher pair = EXPECTED_ACTUAL.matcher(out);
        if (pair.matches()) {
            out = format("evidence." + pair.group(1), pair.group(2));
        }
        return faults(out);
    }

    /** {@code report} with {@link #faults(CheckResult)} applied to every result. */
    public GradeReport faults(GradeReport report) {
        return english() ? report : new GradeReport(report.exerciseId(), report.seed(),
                report.results().stream().map(this::faults).toList());
    }

    /**
     * Why a submission was not graded (a gradebook's note, Gradescope's "Not graded: ..."), as PageLab words it in
     * English ("no .java files in alice", "cannot read alice/S.java: it is not text: ..."), in this language; a reason
     * it does not know stays as it is, and may follow in a file's path or "; the file was left as it is".
     */
    public String problem(String reason) {
        if (english() || reason == null) {
            return reason;
        }
        String rest = "";
        String r = reason;
        if (r.endsWith("; the file was left as it is")) {
            r = r.substring(0, r.length() - "; the file was left as it is".length());
            rest = get("problem.leftAsItIs");
        }
        Optional<KnownTexts.Match> known = PROBLEMS.match(r);
        if (known.isEmpty()) {
            return reason;
        }
        Object[] args = known.get().arguments();
        if (known.get().key().equals("problem.encoding")) { // "UTF-8, GBK, GB18030 or windows-1252"
            args[1] = known.get().groups().get(1).replace(", ", "、").replace(" or ", "或");
        }
        return format(known.get().key(), args) + rest;
    }
}

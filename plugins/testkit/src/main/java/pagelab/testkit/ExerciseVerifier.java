package pagelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.CheckTexts;
import pagelab.exercise.Evidence;
import pagelab.exercise.EvidenceKind;
import pagelab.exercise.Exercise;
import pagelab.exercise.GradeReport;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.MarkedSource;
import pagelab.exercise.ResourceExercise;
import pagelab.exercise.SourceSet;
import pagelab.solutions.CompiledSolution;
import pagelab.solutions.RejectedSolutionException;
import pagelab.solutions.SolutionCompiler;
import pagelab.solutions.SolutionPolicy;
import pagelab.solutions.StudentApi;
import pagelab.solutions.StudentClassLoader;

/**
 * Proves an exercise's checker, without JUnit: its metadata and checks are well formed, the reference solution
 * scores 100%, the starter at most 10%, and every known-wrong solution fails exactly the checks it names (checks
 * skipped because a named one failed are tolerated). {@code pagelab verify-plugin} and {@link ExerciseVerification}
 * both use it. Never throws for a broken exercise: every problem is a failed {@link Finding}.
 *
 * <p>Runs the shipped (trusted) solutions in this JVM, each check with an in-process time limit, compiled and
 * loaded exactly as a student's are: against the exercise's student-facing types only, judged by the
 * {@link SolutionPolicy}, in a {@link StudentClassLoader}. A shipped solution the policy refuses fails
 * verification, so no exercise asks students for what the grader would refuse.
 *
 * @since 0.1
 */
public final class ExerciseVerifier {
    /** Generous: a check of a shipped solution takes milliseconds; this only keeps a looping mistake finite. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static Path scratch;

    private final CheckRunner runner;
    private final SolutionCompiler compiler;

    public ExerciseVerifier() {
        this(new CheckRunner(new CheckRunner.Options(CheckRunner.Options.DEFAULT_SEED, CHECK_TIMEOUT)));
    }

    /** Compiles into a folder of this JVM's, removed when it exits. */
    public ExerciseVerifier(CheckRunner runner) {
        this(runner, new SolutionCompiler(scratch()));
    }

    public ExerciseVerifier(CheckRunner runner, SolutionCompiler compiler) {
        this.runner = runner;
        this.compiler = compiler;
    }

    private static synchronized Path scratch() {
        if (scratch == null) {
            try {
                Path dir = Files.createTempDirectory("pagelab-verify-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> SolutionCompiler.deleteTree(dir),
                        "pagelab-verify-cleanup"));
                scratch = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a temporary folder to compile in: " + e.getMessage(), e);
            }
        }
        return scratch;
    }

    /** Every verification, in order. */
    public VerificationReport verify(Exercise exercise) {
        List<Finding> findings = new ArrayList<>(verifyStructure(exercise));
        if (findings.stream().allMatch(Finding::ok)) {
            findings.add(verifyReference(exercise));
            findings.add(verifyStarter(exercise));
            for (KnownWrongSolution w : exercise.knownWrong()) {
                findings.add(verifyKnownWrong(exercise, w));
            }
        }
        return new VerificationReport(safeId(exercise), findings);
    }

    /**
     * Compiles and grades {@code sources} as the host would: a compile error fails every check with javac's
     * messages, a solution the policy refuses fails every check with what it used.
     */
    public GradeReport grade(Exercise exercise, SourceSet sources) {
        try {
            return gradeShipped(exercise, sources);
        } catch (RejectedSolutionException e) {
            return runner.failAll(exercise, e.getMessage());
        }
    }

    /** {@link #grade}, but a shipped solution the policy refuses is the exercise's fault: it throws. */
    private GradeReport gradeShipped(Exercise exercise, SourceSet sources) {
        StudentApi api = StudentApi.of(exercise.solutionInterface());
        CompiledSolution compiled = compiler.compile(sources, api);
        if (!compiled.compiled()) {
            return runner.failAll(exercise, "The sources do not compile:\n" + compiled.errors().stream()
                    .map(Object::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        if (compiled.rejected()) {
            throw new RejectedSolutionException(compiled.violations());
        }
        try {
            StudentClassLoader loader = StudentClassLoader.of(SolutionCompiler.classFiles(compiled), api,
                    SolutionPolicy.standard());
            return runner.run(exercise, loader, compiled.classNames());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes: " + e.getMessage(), e);
        }
    }

    /**
     * Metadata, instructions, checks and known-wrong declarations are well formed. Each declared translation of the
     * instructions has every heading, code block, table row and list item of the English text
     * ({@link MarkdownOutline}).
     */
    public List<Finding> verifyStructure(Exercise exercise) {
        List<Finding> out = new ArrayList<>();
        out.add(attempt("descriptor", () -> {
            var d = exercise.descriptor();
            return d.id() + ", chapter " + d.chapter() + ", " + d.goals().size() + " goal(s)";
        }));
        out.add(attempt("instructions", () -> instructions(exercise)));
        out.add(attempt("checks", () -> {
            CheckPlan plan = CheckPlan.of(exercise.checks());
            plan.newChecks();
            return plan.checks().size() + " checks, " + plan.maxPoints() + " points";
        }));
        out.add(attempt("sources", () -> sources(exercise)));
        out.add(attempt("known-wrong declarations", () -> knownWrongDeclarations(exercise)));
        out.add(attempt("SDK boundary", () -> sdkBoundary(exercise)));
        out.add(attempt("unused files", () -> unusedFiles(exercise)));
        out.add(attempt("check texts", () -> checkTexts(exercise)));
        return out;
    }

    /** The reference solution scores 100%. */
    public Finding verifyReference(Exercise exercise) {
        return attemptFinding("reference", () -> {
            GradeReport r = gradeShipped(exercise, exercise.reference());
            List<String> untranslated = untranslatedMessages(exercise, r);
            boolean ok = r.fullScore() && untranslated.isEmpty();
            return new Finding("reference", ok, (!r.fullScore() ? "must score 100% but does not"
                    : !untranslated.isEmpty() ? String.join("; ", untranslated) : "scores 100%") + "\n"
                    + GradeReports.summary(r));
        });
    }

    /**
     * The most of the points an untouched starter may earn: a student who has not started has not learned anything
     * yet, so the checks must not reward the code they were given (issue 16, "Fair points").
     */
    public static final int STARTER_MAX_PERCENT = 10;

    /** The starter scores at most {@link #STARTER_MAX_PERCENT} of the points (and does not make the checker error). */
    public Finding verifyStarter(Exercise exercise) {
        return attemptFinding("starter", () -> {
            GradeReport r = gradeShipped(exercise, exercise.starter());
            List<String> errors = ids(r, CheckStatus.ERROR);
            boolean tooMuch = r.points() * 100L > (long) STARTER_MAX_PERCENT * r.maxPoints();
            List<String> untranslated = untranslatedMessages(exercise, r);
            boolean ok = !tooMuch && errors.isEmpty() && untranslated.isEmpty();
            String why = !untranslated.isEmpty() && !tooMuch && errors.isEmpty() && !r.fullScore()
                    ? String.join("; ", untranslated)
                    : r.fullScore() ? "scores 100% already: the starter gives the solution away"
                    : !errors.isEmpty() ? "makes checks end in ERROR " + errors + " (a checker bug)"
                    : tooMuch ? "scores " + r.points() + "/" + r.maxPoints() + ", more than " + STARTER_MAX_PERCENT
                            + "%: the checks that earn points " + r.results().stream().filter(c -> c.points() > 0)
                            .map(c -> c.checkId() + " " + c.points() + "/" + c.maxPoints()).toList()
                            + " reward code the student was given; make them judge what the student must write"
                    : "scores " + r.points() + "/" + r.maxPoints() + ", at most " + STARTER_MAX_PERCENT + "%";
            return new Finding("starter", ok, why + "\n" + GradeReports.summary(r));
        });
    }

    /** {@code wrong} fails exactly its named checks (plus, tolerated, checks skipped because of them). */
    public Finding verifyKnownWrong(Exercise exercise, KnownWrongSolution wrong) {
        String subject = "known-wrong " + wrong.name();
        return attemptFinding(subject, () -> {
            GradeReport r = gradeShipped(exercise, wrong.sources());
            Set<String> failing = new TreeSet<>(r.notPassed());
            Set<String> missed = new TreeSet<>(wrong.mustFail());
            missed.removeAll(failing);
            Set<String> extra = new TreeSet<>(failing);
            extra.removeAll(wrong.mustFail());
            extra.removeAll(ids(r, CheckStatus.SKIPPED));
            List<String> errors = ids(r, CheckStatus.ERROR);
            List<String> problems = new ArrayList<>();
            if (!missed.isEmpty()) {
                problems.add("passes " + missed + ", which it must fail: the checker misses \"" + wrong.mistake()
                        + "\"");
            }
            if (!extra.isEmpty()) {
                problems.add("also fails " + extra + ", which it should pass");
            }
            if (!errors.isEmpty()) {
                problems.add("makes checks end in ERROR " + errors + " (a checker bug)");
            }
            problems.addAll(hintProblems(wrong, r));
            problems.addAll(untranslatedHints(exercise, r));
            problems.addAll(untranslatedMessages(exercise, r));
            String verdict = problems.isEmpty() ? "fails exactly " + new TreeSet<>(wrong.mustFail())
                    + " with the hints of its mistake " + wrong.hints() : String.join("; ", problems);
            return new Finding(subject, problems.isEmpty(), verdict + "\n" + GradeReports.summary(r));
        });
    }

    /**
     * What a student with this mistake would read wrongly: a failed check without a hint, or a declared check whose
     * hint is not the one for this mistake (issue 16: hints fixed per check often pointed elsewhere).
     */
    private static List<String> hintProblems(KnownWrongSolution wrong, GradeReport r) {
        List<String> out = new ArrayList<>();
        for (CheckResult c : r.results()) {
            boolean failed = c.status() == CheckStatus.FAIL || c.status() == CheckStatus.PARTIAL;
            if (failed && (c.hint() == null || c.hint().isBlank())) {
                out.add(c.checkId() + " fails it without a hint");
            }
        }
        wrong.hints().forEach((check, mode) -> {
            CheckResult c = r.results().stream().filter(x -> check.equals(x.checkId())).findFirst().orElse(null);
            if (c == null || c.status() == CheckStatus.SKIPPED) {
                out.add(check + " does not run, so it cannot give the hint " + mode + " it must");
            } else if (!mode.equals(c.failureMode())) {
                out.add(check + " must diagnose " + mode + " but gives " + (c.failureMode() == null
                        ? "a hint of no failure mode" : "the hint of " + c.failureMode()) + ": \"" + c.hint() + "\"");
            }
        });
        return out;
    }

    // A hint a student got in a check that failed, whose failure mode an exercise that translates its checks lacks.
    private static List<String> untranslatedHints(Exercise exercise, GradeReport r) {
        List<String> out = new ArrayList<>();
        for (Locale l : exercise.translations()) {
            CheckTexts texts = CheckTexts.of(exercise, l);
            for (CheckResult c : r.results()) {
                if (texts.translated() && c.failureMode() != null && c.hint() != null
                        && texts.hint(c.failureMode()) == null) {
                    out.add(c.checkId() + " gives the hint of " + c.failureMode() + ", which the " + l + " check "
                            + "texts lack (hint." + c.failureMode() + ")");
                }
            }
        }
        return out;
    }

    /**
     * A translatable message ({@link pagelab.exercise.Msg}) a student got, whose key an exercise that translates its
     * checks lacks ({@code msg.KEY}): the student would read English in the middle of their language. An exercise
     * without keyed messages, or without a translation, has none.
     */
    private static List<String> untranslatedMessages(Exercise exercise, GradeReport r) {
        List<String> out = new ArrayList<>();
        for (Locale l : exercise.translations()) {
            CheckTexts texts = CheckTexts.of(exercise, l);
            for (CheckResult c : r.results()) {
                Set<String> missing = texts.missing(c);
                if (!missing.isEmpty()) {
                    out.add(c.checkId() + " says messages the " + l + " check texts lack: " + missing.stream()
                            .map(k -> "msg." + k).toList());
                }
                out.addAll(untranslatedEvidence(texts, l, c));
            }
        }
        return out;
    }

    /**
     * The evidence of {@code c} a student reading {@code l} would read in English: a caption with English words
     * (outside code and Win32 names, {@link EnglishWords#in}) that the check texts cannot translate, and a line of a
     * note with English words that is plain text rather than a {@link pagelab.exercise.Msg}
     * ({@link pagelab.exercise.Evidence#note(pagelab.exercise.Msg, pagelab.exercise.Msg...)}).
     */
    private static List<String> untranslatedEvidence(CheckTexts texts, Locale l, CheckResult c) {
        List<String> out = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            if (texts.apply(e).title().equals(e.title()) && EnglishWords.in(e.title())) {
                out.add(c.checkId() + " shows evidence captioned \"" + e.title() + "\", which the " + l
                        + " check texts cannot translate (evidence." + slug(e.title()) + ", a pattern "
                        + "evidence.WORDS.with, or Evidence.captioned)");
            }
            if (e.kind() == EvidenceKind.NOTE && e.lineMsgs().isEmpty()) {
                List<String> shown = texts.apply(e).lines(); // a line the texts translate anyway is fine
                for (int i = 0; i < e.lines().size(); i++) {
                    String line = e.lines().get(i);
                    if (shown.get(i).equals(line) && EnglishWords.in(line)) {
                        out.add(c.checkId() + "'s note \"" + e.title() + "\" says \"" + line + "\" in English "
                                + "only: write the note with Evidence.note(Msg, Msg...)");
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String slug(String caption) {
        return caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String instructions(Exercise exercise) {
        String base = exercise.instructions(null);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("the default (English) instructions are empty");
        }
        List<String> langs = new ArrayList<>();
        for (Locale l : exercise.translations()) {
            String t = exercise.instructions(l);
            if (t == null || t.isBlank() || t.equals(base)) {
                throw new IllegalStateException("the " + l + " translation is declared but missing");
            }
            // A translation that drops a heading, a diagram, a table row or a bullet of the task teaches less.
            String missing = MarkdownOutline.difference(base, t, "the " + l + " translation");
            if (!missing.isEmpty()) {
                throw new IllegalStateException(missing);
            }
            langs.add(l.toString());
        }
        return base.length() + " characters" + (langs.isEmpty() ? "" : ", translated to " + langs);
    }

    // The student edits only the starter's files, so every solution must consist of exactly those files.
    private static String sources(Exercise exercise) {
        Set<String> starter = exercise.starter().files().keySet();
        requireSameFiles("reference", exercise.reference(), starter);
        for (KnownWrongSolution w : exercise.knownWrong()) {
            requireSameFiles("known-wrong " + w.name(), w.sources(), starter);
        }
        return "starter files " + starter;
    }

    private static void requireSameFiles(String what, SourceSet s, Set<String> starter) {
        if (!s.files().keySet().equals(starter)) {
            throw new IllegalStateException(what + " has files " + s.files().keySet() + " but the starter has "
                    + starter);
        }
    }

    private static String knownWrongDeclarations(Exercise exercise) {
        List<KnownWrongSolution> wrong = exercise.knownWrong();
        if (wrong.isEmpty()) {
            throw new IllegalStateException("ships no known-wrong solutions: nothing proves that the checks catch"
                    + " mistakes");
        }
        CheckPlan plan = CheckPlan.of(exercise.checks());
        Set<String> names = new HashSet<>();
        SourceSet reference = exercise.reference();
        for (KnownWrongSolution w : wrong) {
            if (!names.add(w.name())) {
                throw new IllegalStateException("two known-wrong solutions are named " + w.name());
            }
            for (String id : w.mustFail()) {
                if (plan.check(id) == null) {
                    throw new IllegalStateException(w.name() + " must fail \"" + id + "\", which is no check; checks"
                            + " are " + plan.checks().stream().map(CheckInfo::id).toList());
                }
            }
            if (w.hints().isEmpty()) {
                throw new IllegalStateException(w.name() + " declares no hint it must receive: name the failure mode"
                        + " a check must diagnose, wrong(...).hint(\"" + w.mustFail().iterator().next()
                        + "\", \"mode\"), and give that check's hint for it with CheckResult.hint(\"mode\", text)");
            }
            if (w.sources().equals(reference)) {
                throw new IllegalStateException(w.name() + " is the reference solution itself: it changes nothing");
            }
        }
        if (exercise instanceof ResourceExercise r) {
            for (MarkedSource source : r.markedSources()) {
                source.variants().forEach((name, lines) -> {
                    if (!names.contains(name)) {
                        throw new IllegalStateException(source.name() + ":" + lines.get(0) + " is marked // BEGIN "
                                + "WRONG " + name + ", but knownWrong() declares no such solution; it declares "
                                + names);
                    }
                });
            }
        }
        return wrong.size() + " known-wrong solution(s)";
    }

    /**
     * An exercise that translates its checks ({@link CheckTexts}) translates every title and the hint of every
     * failure mode its known-wrong solutions declare; the hints of other failure modes its checks give are held to
     * the same when a known-wrong solution receives them ({@link #verifyKnownWrong}). Keyed messages
     * ({@code msg.KEY}) are held to it where a shipped solution receives them: {@link #verifyReference},
     * {@link #verifyStarter} and {@link #verifyKnownWrong}.
     */
    private static String checkTexts(Exercise exercise) {
        List<String> done = new ArrayList<>();
        CheckPlan plan = CheckPlan.of(exercise.checks());
        for (Locale l : exercise.translations()) {
            CheckTexts texts = CheckTexts.of(exercise, l);
            if (!texts.translated()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (CheckInfo c : plan.checks()) {
                if (texts.title(c.id()) == null) {
                    missing.add("check." + c.id() + ".title");
                }
            }
            for (KnownWrongSolution w : exercise.knownWrong()) {
                w.hints().values().stream().filter(m -> texts.hint(m) == null).map(m -> "hint." + m)
                        .filter(k -> !missing.contains(k)).forEach(missing::add);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the " + l + " check texts (" + CheckTexts.baseName(
                        exercise.descriptor().id()) + "_" + l + ".properties) lack " + missing);
            }
            done.add(l.toString());
        }
        return done.isEmpty() ? "no translation of the checks" : "titles and hints translated to " + done;
    }

    private static String unusedFiles(Exercise exercise) {
        try {
            List<String> unused = UnusedFiles.of(exercise);
            if (unused == null) {
                return "not judged: the exercise is not in a plugin jar or folder, or is no ResourceExercise";
            }
            if (!unused.isEmpty()) {
                throw new IllegalStateException("the plugin holds files no exercise of it uses: " + unused + ". A "
                        + "build that was not cleaned leaves them behind (mvn clean verify), or they are samples "
                        + "that were not deleted");
            }
            return "every file of the plugin is used";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's files: " + e.getMessage(), e);
        }
    }

    private static String sdkBoundary(Exercise exercise) {
        try {
            List<String> bad = SdkBoundary.violations(exercise.getClass());
            if (!bad.isEmpty()) {
                throw new IllegalStateException("these classes use the simulator's internals (pagelab.sim), not"
                        + " just pagelab.kernel and pagelab.exercise: " + bad);
            }
            // only a plugin's own classes: an exercise loaded from a test's class folder shares it with the tests
            Path location = PluginContents.location(exercise.getClass());
            List<String> jdk = location == null || !PluginContents.read(location).isPlugin() ? List.of()
                    : SdkBoundary.outsideJavaBase(location);
            if (!jdk.isEmpty()) {
                throw new IllegalStateException("grading children run on java.base and the kernel only (PageLab's"
                        + " runtime image), but the plugin uses more of the JDK: " + jdk);
            }
            return "uses only pagelab.kernel, pagelab.exercise and java.base";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's classes: " + e.getMessage(), e);
        }
    }

    private static List<String> ids(GradeReport r, CheckStatus status) {
        return r.results().stream().filter(c -> c.status() == status).map(CheckResult::checkId).toList();
    }

    private interface Step {
        String run();
    }

    private interface FindingStep {
        Finding run();
    }

    private static Finding attempt(String subject, Step step) {
        return attemptFinding(subject, () -> new Finding(subject, true, step.run()));
    }

    // A broken plugin throws anything from any method; each becomes a failed finding, never an escape.
    private static Finding attemptFinding(String subject, FindingStep step) {
        try {
            return step.run();
        } catch (RuntimeException | LinkageError e) {
            return new Finding(subject, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String safeId(Exercise exercise) {
        try {
            return exercise.descriptor().id();
        } catch (RuntimeException e) {
            return exercise.getClass().getName();
        }
    }
}

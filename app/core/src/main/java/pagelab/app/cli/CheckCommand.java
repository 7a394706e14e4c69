package pagelab.app.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.GradescopeReport;
import pagelab.app.results.ReportFormat;
import pagelab.app.results.ReportText;
import pagelab.app.results.Reports;
import pagelab.app.grading.Sandbox;
import pagelab.app.results.ResultBundle;
import pagelab.app.results.ResultSigner;
import pagelab.app.results.Submissions;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckTexts;
import pagelab.exercise.SourceSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab check ID [PATH]}: grades one solution and writes the report in the format asked. */
@Command(name = "check", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Grade one solution: a .java file or a folder of them (default: what init wrote: this folder "
            + "when it holds the starter's files, else ./ID, else DATA/work/ID).")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id (see pagelab list).")
    String id;

    @Parameters(index = "1", paramLabel = "PATH", arity = "0..1",
            description = "The solution: a .java file or a folder (default: this folder when it holds the starter's "
                + "files, else ./ID, else DATA/work/ID; never a folder below them).")
    Path path;

    @Option(names = "--reference", description = "Grade the exercise's shipped reference solution instead.")
    boolean reference;

    @Option(names = "--lang", paramLabel = "LANG", description = "The language of check titles, messages and hints, "
            + "e.g. zh-CN or en, where the exercise translates them (default: the user's locale).")
    String lang;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text, json, junit or gradescope (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the screen.")
    Path out;

    @Option(names = "--bundle", paramLabel = "ZIP",
            description = "Also write a result bundle (sources, hashes, points) that verify-result can check.")
    Path bundle;

    @Option(names = "--seed", paramLabel = "N", description = "Machine seed (default: the exercise's, "
            + CheckRunner.Options.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit per check (default: 10).")
    Integer timeoutSeconds;

    @Option(names = "--graded", description = "Grade as for a grade that counts (an autograder's): a fresh JVM, in "
            + "the OS sandbox where there is one.")
    boolean graded;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = SandboxConverter.class,
            description = "With --graded: auto (bubblewrap where it works), required or off (default: "
                + "${DEFAULT-VALUE}).")
    Sandbox.Mode sandbox;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Sign the --bundle with this private key "
            + "(default: DATA/keys/" + ResultSigner.PRIVATE_KEY + " when pagelab keys made one).")
    Path signKey;

    @Option(names = "--visibility", paramLabel = "WHEN", defaultValue = "visible",
            description = "With --format gradescope: when students see the tests: visible, after_due_date, "
                + "after_published or hidden (default: ${DEFAULT-VALUE}).")
    String visibility;

    @Option(names = "--stdout-visibility", paramLabel = "WHEN", defaultValue = "visible",
            description = "With --format gradescope: when students see the autograder's output (default: "
                + "${DEFAULT-VALUE}).")
    String stdoutVisibility;

    @Override
    public Integer call() throws IOException {
        if (reference && path != null) {
            throw CliException.of(ExitCodes.USAGE, "check.pathOrReference");
        }
        GradescopeReport.Visibility shown = visibility();
        LoadedExercise ex = cli.session().exercise(id);
        Path source;
        try {
            source = reference ? null : path != null ? path : found(ex);
        } catch (CliException e) {
            if (format == ReportFormat.GRADESCOPE) { // Gradescope needs a results.json whatever happened
                writeNotGraded(ex, path, e.getMessage(), shown);
            }
            throw e;
        }
        try (Grader grader = grader(source)) {
            grader.prestart(ex); // the child JVM boots while the sources are read and compiled
            Submissions.Submission read;
            try {
                read = reference ? null : read(source);
            } catch (CliException e) {
                if (format == ReportFormat.GRADESCOPE) { // Gradescope needs a results.json whatever happened
                    writeNotGraded(ex, source, e.getMessage(), shown);
                }
                throw e;
            }
            SourceSet sources = reference ? ex.exercise().reference() : read.sources();
            long s = seed == null ? CheckRunner.Options.DEFAULT_SEED : seed;
            GradingResult result = grader.grade(ex, sources, s, r -> { });
            return report(ex, sources, read == null ? null : read.encodings(), result,
                    grader.translated(locale(), ex, sources, result));
        }
    }

    private int report(LoadedExercise ex, SourceSet sources, Map<String, String> encodings, GradingResult result,
                       GradingResult translated) throws IOException {
        writeReport(translated, encodings);
        if (bundle != null) {
            cli.session().sweepAlso(bundle.toAbsolutePath().getParent());
            ResultSigner signer = cli.session().signer(signKey);
            ResultBundle.of(result, sources, ex.pluginHash()).write(bundle, signer);
            if (signer == null) {
                cli.spec.commandLine().getErr().println("pagelab: " + cli.text().format("check.unsigned",
                        cli.command()));
            }
        }
        if (!result.compile().compiled()) {
            return ExitCodes.COMPILE_ERROR;
        }
        if (result.compile().rejected()) {
            return ExitCodes.REJECTED;
        }
        return result.report().fullScore() ? ExitCodes.OK : ExitCodes.NOT_PASSED;
    }

    private GradescopeReport.Visibility visibility() {
        try {
            return new GradescopeReport.Visibility(visibility, stdoutVisibility);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** Score 0 and why, for a submission with nothing to grade (Gradescope's format only). */
    private void writeNotGraded(LoadedExercise ex, Path submission, String reason, GradescopeReport.Visibility shown)
            throws IOException {
        ReportText text = ReportText.of(locale());
        String submissionWord = text.get("cli.theSubmission");
        String why = text.problem(submission == null ? reason : reason.replace(
                submission.toAbsolutePath().toString(), submissionWord).replace(submission.toString(), submissionWord));
        List<CheckInfo> checks = CheckPlan.of(ex.exercise().checks()).checks();
        CheckTexts titles = CheckTexts.of(ex.exercise(), locale());
        write(w -> GradescopeReport.writeNotGraded(ex.id(), ex.pluginId() + " " + ex.pluginVersion(), checks,
                c -> titles.title(c.id()), why, shown, text, w), text.format("cli.notGraded", ex.id(), why));
    }

    /** The folder init wrote, found as {@link WorkFolders#checkSource} says; named on stderr unless it is here. */
    private Path found(LoadedExercise ex) {
        Path dir = cli.workFolders().checkSource(ex);
        if (!dir.equals(Path.of("."))) {
            cli.spec.commandLine().getErr().println("pagelab: " + ReportText.of(locale()).format("cli.checking", dir));
        }
        return dir;
    }

    private Grader grader(Path source) {
        var options = cli.session().graderOptions();
        if (timeoutSeconds != null) {
            if (timeoutSeconds <= 0) {
                throw CliException.of(ExitCodes.USAGE, "error.timeout");
            }
            options = options.withCheckTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        if (graded) {
            List<Path> hidden = new ArrayList<>();
            if (source != null) {
                hidden.add(source.toAbsolutePath());
            }
            options = options.graded(sandbox, hidden);
            if (sandbox == Sandbox.Mode.REQUIRED && !Sandbox.available()) {
                throw CliException.of(ExitCodes.USAGE, "check.noSandbox");
            }
        }
        return new Grader(options);
    }

    static Submissions.Submission read(Path path) {
        if (!Files.exists(path)) {
            throw CliException.of(ExitCodes.NOT_FOUND, "error.noFileOrFolder", path);
        }
        try {
            return Submissions.load(path);
        } catch (Submissions.UnreadableSourceException e) {
            throw CliException.of(ExitCodes.IO_ERROR, "check.unreadable", e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.NOT_FOUND, e.getMessage());
        }
    }

    /** The language asked for with --lang, else the user's. */
    private Locale locale() {
        return ReportText.locale(lang);
    }

    private void writeReport(GradingResult result, Map<String, String> encodings) throws IOException {
        GradescopeReport.Visibility shown = visibility();
        ReportText text = ReportText.of(locale());
        write(w -> {
            if (format == ReportFormat.GRADESCOPE) {
                GradescopeReport.write(result, shown, text, w);
            } else {
                Reports.write(result, encodings, format, text, w);
            }
        }, text.format("cli.score", result.exerciseId(), result.points(), result.maxPoints()));
    }

    /** A report writer; {@link #write} runs it on the screen or into {@code --out}. */
    private interface ReportWriter {
        void writeTo(Writer w) throws IOException;
    }

    /** @param scoreLine what the screen shows when the report went to --out (unused otherwise) */
    private void write(ReportWriter report, String scoreLine) throws IOException {
        if (out == null) {
            report.writeTo(cli.spec.commandLine().getOut());
            return;
        }
        StringWriter text = new StringWriter();
        report.writeTo(text);
        Path parent = out.toAbsolutePath().getParent();
        cli.session().sweepAlso(parent);
        Files.createDirectories(parent);
        InitCommand.writeAtomically(out.toAbsolutePath(), text.toString());
        Writer screen = cli.spec.commandLine().getOut();
        screen.write(ReportText.of(locale()).format("cli.reportIn", scoreLine, out) + System.lineSeparator());
        screen.flush();
    }
}

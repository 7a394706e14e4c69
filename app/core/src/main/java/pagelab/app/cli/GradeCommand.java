package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import pagelab.app.files.NewFiles;
import pagelab.app.grading.ClassGrader;
import pagelab.app.grading.GraderOptions;
import pagelab.app.grading.Sandbox;
import pagelab.app.grading.Shard;
import pagelab.app.grading.SubmissionStatus;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;
import pagelab.app.results.ReportText;
import pagelab.app.results.ResultSigner;
import pagelab.app.results.Submissions;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pagelab grade ID DIR --out grades.csv}: grades every submission folder of a class in graded mode (a fresh
 * child JVM per submission, in the OS sandbox where there is one) and writes a row for every folder.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Grade a class: each folder in DIR is one student's submission (named by the folder).",
            "Writes a CSV gradebook: one row per student, one column per check, and a status: graded, "
                + "compile-error, rejected, timeout, crashed, checker-error or not-graded."})
final class GradeCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id (see pagelab list).")
    String id;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder of submission folders.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV gradebook to write.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the gradebook as JSON, with every check's status and how its run ended.")
    Path json;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded in parallel (default: the number "
            + "of processors).")
    Integer jobs;

    @Option(names = "--bundles", paramLabel = "DIR",
            description = "Also write each student's result bundle as DIR/STUDENT.zip (signed when there is a key).")
    Path bundles;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Sign the bundles with this private key "
            + "(default: DATA/keys/" + ResultSigner.PRIVATE_KEY + " when pagelab keys made one).")
    Path signKey;

    @Option(names = "--seed", paramLabel = "N", description = "Machine seed (default: "
            + CheckRunner.Options.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit per check (default: 10).")
    Integer timeoutSeconds;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = SandboxConverter.class,
            description = "auto (the OS sandbox, bubblewrap, where it works), required (refuse to grade without it) "
                + "or off (default: ${DEFAULT-VALUE}).")
    Sandbox.Mode sandbox;

    @Option(names = "--shard", paramLabel = "I/N", description = "Grade only the I-th of N slices of the class "
            + "(1 <= I <= N; a submission's slice depends on its name alone); merge the gradebooks with pagelab "
            + "merge-grades.")
    String shardText;

    @Option(names = "--excel", description = "Start the CSV with a UTF-8 byte-order mark, so that Excel on Windows "
            + "shows accented names (Zoë) as they are.")
    boolean excel;

    @Option(names = "--lang", paramLabel = "LANG", description = "The language of the notes and messages students "
            + "read in the gradebooks: check titles, messages and hints where the exercise translates them, compile "
            + "errors, PageLab's own words (e.g. zh-CN or en; default: the user's locale). Columns, statuses and "
            + "bundles stay as they are.")
    String lang;

    @Option(names = "--private", description = "Make the gradebooks readable and writable by you only (mode 0600).")
    boolean privateFiles;

    @Override
    public Integer call() throws IOException {
        Shard shard = shard();
        if (!Files.isDirectory(dir)) {
            throw CliException.of(ExitCodes.NOT_FOUND, "error.noFolder", dir);
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1) {
            throw CliException.of(ExitCodes.USAGE, "grade.jobs");
        }
        GraderOptions options = options();
        LoadedExercise ex = cli.session().exercise(id);
        cli.session().sweepAlso(out.toAbsolutePath().getParent());
        cli.session().sweepAlso(bundles);
        List<Path> all = students(dir);
        List<Path> students = shard == null ? all
                : all.stream().filter(p -> shard.contains(p.getFileName().toString())).toList();
        ResultSigner signer = bundles == null ? null : cli.session().signer(signKey);
        long start = System.nanoTime();
        Locale locale = ReportText.locale(lang);
        ReportText text = ReportText.of(locale);
        ClassGrader grading = new ClassGrader(options, n, bundles, signer, locale);
        PrintWriter err = cli.spec.commandLine().getErr();
        List<Gradebook.Row> rows = grading.grade(ex, students, seed == null ? CheckRunner.Options.DEFAULT_SEED : seed,
                row -> { });
        StringWriter csv = new StringWriter();
        if (excel) {
            csv.write(Gradebook.EXCEL_BOM);
        }
        Gradebook.write(grading.plan(ex).checks(), rows, ex.id(), ex.pluginHash(), text, csv);
        writeGradebook(out, csv.toString());
        if (json != null) {
            StringWriter jsonText = new StringWriter();
            CheckTexts titles = CheckTexts.of(ex.exercise(), locale);
            Gradebook.writeJson(grading.plan(ex).checks(), c -> titles.title(c.id()), rows, text, jsonText);
            writeGradebook(json, jsonText.toString());
        }
        summarise(rows, (System.nanoTime() - start) / 1e9, n, grading.isolation(), signer, text);
        if (shard != null) {
            cli.spec.commandLine().getOut().println("  " + cli.text().format("grade.shard", shard, students.size(),
                    all.size(), dir));
        }
        reportEncodings(students, rows);
        if (bundles != null && signer == null) {
            err.println("pagelab: " + cli.text().format("grade.unsigned", cli.command()));
            err.flush();
        }
        boolean checkerFailed = rows.stream().anyMatch(r -> r.status() == SubmissionStatus.CHECKER_ERROR);
        return checkerFailed ? ExitCodes.CHECKER_ERROR : ExitCodes.OK;
    }

    private Shard shard() {
        try {
            return shardText == null ? null : Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.USAGE, "grade.badShard", e.getMessage());
        }
    }

    private void writeGradebook(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // --private: 0600 from the first byte (Files.createTempFile's mode); on Windows the folder's ACL decides
        NewFiles.writeString(target, ".pagelab-", ".tmp", privateFiles, text);
    }

    private GraderOptions options() {
        GraderOptions o = cli.session().graderOptions();
        if (timeoutSeconds != null) {
            if (timeoutSeconds <= 0) {
                throw CliException.of(ExitCodes.USAGE, "error.timeout");
            }
            o = o.withCheckTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        List<Path> hidden = new ArrayList<>(List.of(dir.toAbsolutePath()));
        if (bundles != null) {
            hidden.add(bundles.toAbsolutePath());
        }
        hidden.add(out.toAbsolutePath().getParent());
        o = o.graded(sandbox, hidden);
        if (sandbox == Sandbox.Mode.REQUIRED && !Sandbox.available()) {
            throw CliException.of(ExitCodes.USAGE, "grade.noSandbox");
        }
        return o;
    }

    private void summarise(List<Gradebook.Row> rows, double seconds, int n, String isolation, ResultSigner signer,
                           ReportText text) {
        Map<SubmissionStatus, Integer> counts = new EnumMap<>(SubmissionStatus.class);
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        double mean = rows.stream().filter(r -> r.result() != null).mapToInt(r -> r.result().points()).average()
                .orElse(0);
        PrintWriter w = cli.spec.commandLine().getOut();
        CliText words = cli.text();
        // numbers as English prints them in either language (a dot, no grouping)
        w.println(words.format(n == 1 ? "grade.summary.oneJob" : "grade.summary", rows.size(), id,
                String.format(Locale.ROOT, "%.1f", seconds), n, text.isolation(isolation),
                String.format(Locale.ROOT, "%.1f", mean), out));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.label()));
        w.println("  " + String.join(", ", parts));
        rows.stream().filter(r -> r.status() != SubmissionStatus.GRADED)
                .forEach(r -> w.println("  " + r.status().label() + ": " + r.student() + ": " + r.reason(text)));
        if (signer != null) {
            w.println("  " + words.format("grade.signedBy", ResultSigner.fingerprint(signer.publicKey())));
        }
        w.flush();
    }

    /** Every sub-folder is one student, in name order (of the names as strings); plain files are ignored. */
    private static List<Path> students(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            ds.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            });
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * Names the graded files that were not UTF-8 and the encoding they were read in. ClassGrader decoded them
     * through {@link Submissions} too; they are decoded again here only to be named (cheap: at most 1 MB a file).
     */
    private void reportEncodings(List<Path> students, List<Gradebook.Row> rows) {
        var w = cli.spec.commandLine().getOut();
        for (int i = 0; i < students.size(); i++) {
            if (rows.get(i) == null || rows.get(i).result() == null) {
                continue;
            }
            try {
                String student = rows.get(i).student();
                Submissions.load(students.get(i)).notUtf8().forEach((file, encoding) ->
                        w.println("  " + cli.text().format("grade.readAs", encoding, student + "/" + file)));
            } catch (IOException e) {
                // changed since it was graded: its row says what was graded
            }
        }
    }
}

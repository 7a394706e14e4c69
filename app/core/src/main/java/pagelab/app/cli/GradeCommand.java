package pagelab.app.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import pagelab.app.grading.ClassGrader;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;
import pagelab.app.results.Submissions;
import pagelab.exercise.CheckRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab grade ID DIR --out grades.csv}: grades every submission folder of a class. */
@Command(name = "grade", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Grade a class: each folder in DIR is one student's submission (named by the folder).",
            "Writes a CSV gradebook: one row per student, one column per check."})
final class GradeCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id (see pagelab list).")
    String id;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder of submission folders.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV gradebook to write.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded in parallel (default: the number "
            + "of processors).")
    Integer jobs;

    @Option(names = "--bundles", paramLabel = "DIR",
            description = "Also write each student's result bundle as DIR/STUDENT.zip.")
    Path bundles;

    @Option(names = "--seed", paramLabel = "N", description = "Machine seed (default: "
            + CheckRunner.Options.DEFAULT_SEED + ").")
    Long seed;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.NOT_FOUND, "no such folder: " + dir);
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1) {
            throw new CliException(ExitCodes.USAGE, "--jobs must be at least 1");
        }
        LoadedExercise ex = cli.session().exercise(id);
        cli.session().sweepAlso(out.toAbsolutePath().getParent());
        cli.session().sweepAlso(bundles);
        List<Path> students = students(dir);
        long start = System.nanoTime();
        ClassGrader grading = new ClassGrader(cli.session().graderOptions(), n, bundles);
        List<Gradebook.Row> rows = grading.grade(ex, students, seed == null ? CheckRunner.Options.DEFAULT_SEED : seed);
        StringWriter csv = new StringWriter();
        Gradebook.write(grading.plan(ex).checks(), rows, csv);
        Files.createDirectories(out.toAbsolutePath().getParent());
        InitCommand.writeAtomically(out.toAbsolutePath(), csv.toString());
        summarise(rows, (System.nanoTime() - start) / 1e9, n);
        reportEncodings(students, rows);
        return ExitCodes.OK;
    }

    private void summarise(List<Gradebook.Row> rows, double seconds, int n) {
        long graded = rows.stream().filter(r -> r.result() != null).count();
        long compileErrors = rows.stream().filter(r -> r.result() != null && !r.result().compile().success()).count();
        double mean = rows.stream().filter(r -> r.result() != null).mapToInt(r -> r.result().points()).average()
                .orElse(0);
        var w = cli.spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Graded %d of %d submissions of %s in %.1f s with %d jobs: mean %.1f points, "
                + "%d did not compile. Gradebook: %s%n", graded, rows.size(), id, seconds, n, mean, compileErrors, out);
        rows.stream().filter(r -> r.result() == null)
                .forEach(r -> w.println("  not graded: " + r.student() + ": " + r.problem()));
    }

    /** Every sub-folder is one student, in name order; plain files are ignored. */
    private static List<Path> students(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            ds.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            });
        }
        out.sort(null);
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
                        w.println("  read as " + encoding + " (not UTF-8): " + student + "/" + file));
            } catch (IOException e) {
                // changed since it was graded: its row says what was graded
            }
        }
    }
}

package pagelab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import pagelab.app.results.Gradebook;
import pagelab.app.results.GradebookMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab merge-grades a.csv b.csv ... --out grades.csv}: one gradebook from the shards' gradebooks. */
@Command(name = "merge-grades", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Merge the gradebooks of grade --shard runs into one, as one grade run would have written it.",
            "Refuses a student in two gradebooks, and gradebooks of another exercise or another build of its plugin."})
final class MergeGradesCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(paramLabel = "CSV", arity = "1..*", description = "The shards' gradebooks.")
    List<Path> gradebooks;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The merged gradebook to write.")
    Path out;

    @Option(names = "--excel", description = "Start the CSV with a UTF-8 byte-order mark (for Excel on Windows).")
    boolean excel;

    @Override
    public Integer call() throws IOException {
        for (Path p : gradebooks) {
            if (!Files.isRegularFile(p)) {
                throw CliException.of(ExitCodes.NOT_FOUND, "error.noFile", p);
            }
        }
        String merged;
        try {
            merged = GradebookMerge.merge(gradebooks);
        } catch (GradebookMerge.MergeException e) {
            throw CliException.of(ExitCodes.MISMATCH, "merge.cannot", e.getMessage());
        }
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        InitCommand.writeAtomically(target, (excel ? Gradebook.EXCEL_BOM : "") + merged);
        long rows = merged.lines().count() - 1;
        cli.spec.commandLine().getOut().println(cli.text().format("merge.merged", gradebooks.size(), rows, out));
        return ExitCodes.OK;
    }
}

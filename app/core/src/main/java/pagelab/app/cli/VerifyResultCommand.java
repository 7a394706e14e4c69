package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pagelab.app.results.ResultBundle;
import pagelab.app.results.ResultVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab verify-result BUNDLE}: re-grades a result bundle offline and confirms or refutes it. */
@Command(name = "verify-result", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Re-grade a result bundle (written by check --bundle or grade --bundles) offline with the "
            + "installed plugin and the recorded seed, and confirm or refute its points."})
final class VerifyResultCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The result bundle (.zip).")
    Path bundle;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            throw new CliException(ExitCodes.NOT_FOUND, "no such file: " + bundle);
        }
        ResultBundle b;
        try {
            b = ResultBundle.read(bundle);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO_ERROR, e.getMessage());
        }
        ResultVerifier.Verdict v = ResultVerifier.verify(b, cli.session().host(), cli.session().grader());
        PrintWriter out = cli.spec.commandLine().getOut();
        var m = b.manifest();
        out.println(v.outcome() + ": " + m.exerciseId() + " " + m.points() + "/" + m.maxPoints() + " points, graded "
                + m.gradedAt() + " by " + m.pluginId() + " " + m.pluginVersion() + ", seed " + m.seed());
        v.reasons().forEach(r -> out.println("  " + r));
        return switch (v.outcome()) {
            case CONFIRMED -> ExitCodes.OK;
            case REFUTED -> ExitCodes.REFUTED;
            case UNVERIFIABLE -> ExitCodes.UNVERIFIABLE;
        };
    }
}

package pagelab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import pagelab.app.grading.PluginVerification;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginLocations;
import pagelab.app.plugins.PluginStatus;
import pagelab.testkit.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab verify-plugin PATH}: proves a built plugin's checker, as the test kit does in its own tests. */
@Command(name = "verify-plugin", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Load a plugin (jar, folder, or an exercise module with target/classes) and prove its "
            + "checker: the reference scores 100%%, the starter less, each known-wrong solution fails exactly "
            + "the checks it names."})
final class VerifyPluginCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "PATH", description = "The plugin jar or folder.")
    Path path;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit for the whole verification of one exercise (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw CliException.of(ExitCodes.NOT_FOUND, "error.noFileOrFolder", path);
        }
        Path plugin = Files.isDirectory(path.resolve("target/classes")) ? path.resolve("target/classes") : path;
        PrintWriter out = cli.spec.commandLine().getOut();
        try (PluginHost host = PluginHost.load(PluginLocations.only(plugin))) {
            PluginStatus status = host.plugins().get(0);
            if (!status.isLoaded()) {
                out.println("FAIL  load: " + status.reason());
                return ExitCodes.PLUGIN_INVALID;
            }
            out.println("ok    load: plugin " + status.pluginId() + " " + status.version() + ", exercises "
                    + status.exerciseIds());
            PluginVerification verification = new PluginVerification(cli.session().graderOptions(),
                    Duration.ofSeconds(timeoutSeconds));
            boolean ok = true;
            for (LoadedExercise e : host.exercises()) {
                VerificationReport report = verification.verify(e);
                out.println(report.summary());
                ok &= report.ok();
            }
            return ok ? ExitCodes.OK : ExitCodes.PLUGIN_INVALID;
        }
    }
}

package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import pagelab.app.grading.ChildRuntimeLinker;
import pagelab.app.grading.ChildRuntimeLinker.LinkException;
import pagelab.app.grading.ChildRuntimeLinker.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pagelab child-runtime}: links the grading children's runtime beside {@code lib/} (ChildRuntimeLinker), for
 * an installation that has none: a release unpacked from the zip, a grader's image.
 */
@Command(name = "child-runtime", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Link the grading children's runtime (java.base and the kernel's modules) with this JDK's "
            + "jlink, beside lib/: every grading child then starts on it, cheaper, and with nothing else of the JDK.",
            "Once per installation (a few seconds, about 65 MB); the build of a source checkout does it itself. "
                + "pagelab --version says what grading children run on."})
final class ChildRuntimeCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to link it (default: child-runtime beside "
            + "lib/, where PageLab looks; elsewhere, start PageLab with -Dpagelab.child.runtime=DIR).")
    Path out;

    @Option(names = "--force", description = "Link it again, even when the runtime there is up to date.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path home = out != null ? out.toAbsolutePath() : ChildRuntimeLinker.defaultHome();
        if (home == null) {
            throw CliException.of(ExitCodes.NOT_FOUND, "runtime.noLib");
        }
        Outcome done;
        try {
            done = ChildRuntimeLinker.link(home, force);
        } catch (LinkException e) {
            throw switch (e.problem()) {
                case NO_JLINK -> CliException.of(ExitCodes.NOT_FOUND, "runtime.noJlink", e.getMessage());
                case NOT_JARS -> CliException.of(ExitCodes.NOT_FOUND, "runtime.notJars", e.getMessage());
                case FOREIGN_FOLDER -> CliException.of(ExitCodes.WOULD_OVERWRITE, "runtime.foreign",
                        e.getMessage());
                case JLINK_FAILED -> CliException.of(ExitCodes.IO_ERROR, "runtime.failed", e.getMessage());
            };
        }
        PrintWriter w = cli.spec.commandLine().getOut();
        CliText words = cli.text();
        if (done.linked()) {
            w.println(words.format("runtime.linked", done.home(), done.bytes() / (1024 * 1024),
                    String.format(Locale.ROOT, "%.1f", done.millis() / 1000.0)));
        } else {
            w.println(words.format("runtime.upToDate", done.home()));
        }
        if (!done.home().equals(ChildRuntimeLinker.defaultHome())) {
            w.println(words.format("runtime.elsewhere", done.home()));
        }
        w.flush();
        return ExitCodes.OK;
    }
}

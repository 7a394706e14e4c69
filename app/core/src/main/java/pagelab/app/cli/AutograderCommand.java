package pagelab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import pagelab.app.packaging.GithubWorkflow;
import pagelab.app.packaging.GradescopeAutograder;
import pagelab.app.packaging.GraderInstall;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.GradescopeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pagelab autograder ID --target gradescope|github|folder --out PATH}: PageLab packaged for a grader that
 * runs elsewhere (see docs/grading-at-scale.md).
 */
@Command(name = "autograder", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Package an exercise's grader for Gradescope, GitHub Classroom or a container.",
            "gradescope: the autograder zip (setup.sh, run_autograder, PageLab without the desktop).",
            "github: .github/workflows/classroom.yml and its job-summary script, written under --out.",
            "folder: PageLab without the desktop (bin/pagelab, lib/, plugins/) in --out; ID may be 'all'."})
final class AutograderCommand implements Callable<Integer> {
    enum Target { GRADESCOPE, GITHUB, FOLDER }

    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id (see pagelab list).")
    String id;

    @Option(names = "--target", paramLabel = "TARGET", required = true,
            description = "gradescope, github or folder.")
    String target;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "The zip (gradescope), the repository folder (github) or the folder (folder) to write.")
    Path out;

    @Option(names = "--visibility", paramLabel = "WHEN", defaultValue = "visible",
            description = "gradescope: when students see the results: visible, after_due_date, after_published or "
                + "hidden (default: ${DEFAULT-VALUE}).")
    String visibility;

    @Option(names = "--stdout-visibility", paramLabel = "WHEN", defaultValue = "visible",
            description = "gradescope: when students see the autograder's log (default: ${DEFAULT-VALUE}).")
    String stdoutVisibility;

    @Option(names = "--grader-url", paramLabel = "URL", defaultValue = "",
            description = "github: where the workflow downloads the grader zip (the gradescope target's zip); "
                + "else the workflow reads the PAGELAB_GRADER_URL variable.")
    String graderUrl;

    @Option(names = "--lang", paramLabel = "LANG", description = "gradescope: the language of check titles, "
            + "messages and hints in the results, e.g. zh-CN, where the exercise translates them (default: the "
            + "grading machine's locale).")
    String lang;

    @Override
    public Integer call() throws IOException {
        Target t = target();
        GradescopeReport.Visibility shown;
        try {
            shown = new GradescopeReport.Visibility(visibility, stdoutVisibility);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        List<LoadedExercise> exercises = t == Target.FOLDER && id.equals("all") ? cli.session().host().exercises()
                : List.of(cli.session().exercise(id));
        String version = PageLabCli.version();
        var w = cli.spec.commandLine().getOut();
        switch (t) {
            case GRADESCOPE -> {
                try {
                    GradescopeAutograder.write(out, exercises.get(0), GraderInstall.of(exercises), shown, version,
                            lang);
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCodes.USAGE, e.getMessage());
                }
                w.println(cli.text().format("autograder.gradescope", out, Files.size(out) / 1024));
            }
            case GITHUB -> {
                try {
                    GithubWorkflow.write(out, exercises.get(0), graderUrl, version);
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCodes.USAGE, e.getMessage());
                }
                w.println(cli.text().format(graderUrl.isEmpty() ? "autograder.github.noUrl" : "autograder.github",
                        out.resolve(GithubWorkflow.WORKFLOW), out.resolve(GithubWorkflow.SUMMARY)));
            }
            case FOLDER -> {
                if (Files.exists(out) && !isEmptyFolder(out)) {
                    throw CliException.of(ExitCodes.WOULD_OVERWRITE, "error.notEmpty", out);
                }
                GraderInstall.of(exercises).writeTo(out);
                w.println(cli.text().format(exercises.size() == 1 ? "autograder.folder.one" : "autograder.folder", out,
                        exercises.size(), out.resolve(GraderInstall.LAUNCHER)));
            }
        }
        w.flush();
        return ExitCodes.OK;
    }

    private Target target() {
        try {
            return Target.valueOf(target.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.USAGE, "autograder.target", target);
        }
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}

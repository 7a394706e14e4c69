package pagelab.app.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import pagelab.app.plugins.LoadedExercise;

/**
 * A GitHub Actions workflow for GitHub Classroom repositories: {@code .github/workflows/classroom.yml} checks out
 * the submission, sets up JDK 17, downloads PageLab without the desktop (the Gradescope zip's {@code pagelab/}),
 * runs {@code pagelab check ID . --graded --format junit}, uploads the JUnit XML and writes the points per check
 * into the job summary with {@code .github/pagelab/summary.py}. GitHub's own autograding reporter is retired; the
 * JUnit XML and the summary are what remains.
 */
public final class GithubWorkflow {
    /** The workflow, relative to the repository's root. */
    public static final String WORKFLOW = ".github/workflows/classroom.yml";
    /** The job-summary script, relative to the repository's root. */
    public static final String SUMMARY = ".github/pagelab/summary.py";

    private GithubWorkflow() {
    }

    /**
     * Writes the workflow and the summary script under {@code repo}, replacing earlier versions of them.
     *
     * @param graderUrl where the workflow downloads the grader zip; empty for "set the PAGELAB_GRADER_URL
     *                  variable"
     */
    public static void write(Path repo, LoadedExercise exercise, String graderUrl, String version)
            throws IOException {
        if (graderUrl.contains("'") || graderUrl.contains("\n")) {
            throw new IllegalArgumentException("a URL with a quote or a line break cannot go into the workflow");
        }
        Map<String, String> values = Map.of("EXERCISE", exercise.id(), "VERSION", version, "PLUGIN",
                exercise.pluginId() + " " + exercise.pluginVersion(), "GRADER_URL", graderUrl);
        Path workflow = repo.resolve(WORKFLOW);
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, Templates.text("classroom.yml", values));
        Path summary = repo.resolve(SUMMARY);
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, Templates.text("summary.py", values));
        GraderInstall.executable(summary);
    }
}

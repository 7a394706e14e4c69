package pagelab.app.packaging;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.GradescopeReport;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;

/**
 * The autograder zip Gradescope asks for: {@code setup.sh} (installs a JDK 17 on Gradescope's Ubuntu image),
 * {@code run_autograder} (grades {@code /autograder/submission} into {@code /autograder/results/results.json} in
 * graded mode, always writing one) and {@code pagelab/}, PageLab without the desktop with the exercise's plugin
 * ({@link GraderInstall}). Gradescope unzips it into {@code /autograder/source}.
 */
public final class GradescopeAutograder {
    private GradescopeAutograder() {
    }

    /**
     * Writes the zip to {@code zip} (replacing it; a half-written zip is never left under that name).
     *
     * @param version PageLab's version, named in the scripts
     * @param lang      the language of check titles, messages and hints in the results (a BCP 47 tag such as
     *                  zh-CN), or null for the grading machine's locale
     */
    public static void write(Path zip, LoadedExercise exercise, GraderInstall install,
                             GradescopeReport.Visibility visibility, String version, String lang) throws IOException {
        Path target = zip.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".pagelab-", ".tmp");
        Files.delete(temp); // the zip file system creates it
        try {
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + temp.toUri()),
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                Path root = fs.getPath("/");
                Map<String, String> values = values(exercise, visibility, version, lang);
                script(root.resolve("setup.sh"), Templates.text("setup.sh", values));
                script(root.resolve("run_autograder"), Templates.text("run_autograder", values));
                install.writeTo(root.resolve("pagelab"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static Map<String, String> values(LoadedExercise exercise, GradescopeReport.Visibility visibility,
                                      String version, String lang) {
        return values(exercise.id(), exercise.pluginId() + " " + exercise.pluginVersion(),
                CheckPlan.of(exercise.exercise().checks()).checks().stream().mapToInt(CheckInfo::points).sum(),
                visibility, version, lang);
    }

    /** The placeholders of the scripts; {@code LANG_OPTION} is empty or " --lang TAG", passed on to pagelab check. */
    static Map<String, String> values(String exercise, String plugin, int max, GradescopeReport.Visibility visibility,
                                      String version, String lang) {
        if (lang != null && !lang.matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*")) {
            // the tag lands in a shell script: refuse anything but a language tag
            throw new IllegalArgumentException("--lang must be a language tag such as zh-CN or en, not " + lang);
        }
        return Map.of("EXERCISE", exercise, "VERSION", version, "PLUGIN", plugin, "MAX_POINTS", String.valueOf(max),
                "VISIBILITY", visibility.tests(), "STDOUT_VISIBILITY", visibility.stdout(),
                "LANG_OPTION", lang == null ? "" : " --lang " + lang);
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        GraderInstall.executable(file);
    }
}

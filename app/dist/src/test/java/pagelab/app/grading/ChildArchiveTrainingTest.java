package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginLocations;

/**
 * The class-data archive of a grading child, as the shipped build makes it (only jars can be archived, so this runs
 * where the build has packaged them, as in {@code mvn verify}): the first child of an exercise only notes that an
 * archive is wanted, the second starts the trainer, which leaves the archive (and no training folder) behind even
 * though nobody waits for it; the next child loads the exercise's checker from it and still grades the reference
 * in full.
 */
class ChildArchiveTrainingTest {
    private static PluginHost host;

    @BeforeAll
    static void loadTheShippedPlugins() {
        host = PluginHost.load(new PluginLocations(List.of(), List.of(), null,
                Path.of("target/plugins").toAbsolutePath()));
    }

    @AfterAll
    static void close() {
        host.close();
    }

    @Test
    void theSecondChildTrainsTheArchiveAndLaterChildrenLoadTheCheckerFromIt(@TempDir Path home) throws Exception {
        LoadedExercise sparseCells = host.exercise("sparse-cells").orElseThrow();
        Path logs = Files.createDirectories(home.resolve("logs"));
        GraderOptions options = GraderOptions.defaults(home.resolve("data"))
                .withChildJvmArgs(List.of("-Xlog:class+load=info:file=" + logs.resolve("child-%p.log")));
        Path archive = ChildArchive.file(options, ChildLaunch.baseCommand(options), sparseCells.classpath());
        assumeTrue(archive != null, "the child's class path or the plugin is not all jars here (a build without "
                + "package): no archive to make");

        assertThat(gradeTheReference(options, sparseCells)).isEqualTo(100);
        assertThat(archive.resolveSibling(archive.getFileName() + ".wanted")).exists();
        assertThat(archive).doesNotExist();

        assertThat(gradeTheReference(options, sparseCells)).isEqualTo(100);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.isRegularFile(archive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(archive).as("the trained archive").isRegularFile();
        while (Files.exists(ChildArchive.trainingFolder(archive)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ChildArchive.trainingFolder(archive)).as("the training's folder, its lock").doesNotExist();

        clear(logs);
        assertThat(gradeTheReference(options, sparseCells)).isEqualTo(100);
        assertThat(readAll(logs)).as("the checker's classes in the last child")
                .containsPattern("pagelab\\.exercises\\.sparsecells\\.SparseCellsChecks source: shared objects file");
    }

    private static int gradeTheReference(GraderOptions options, LoadedExercise exercise) {
        try (Grader grader = new Grader(options)) {
            return grader.grade(exercise, exercise.exercise().reference()).report().points();
        }
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static String readAll(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}

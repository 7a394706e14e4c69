package pagelab.app.desktop.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM that is busy saving, with SIGKILL, at random moments, and checks that every file is still one
 * complete generation: the old content or the new, never a mix, never empty.
 */
class AtomicFilesKillTest {
    private static final int RUNS = 25;

    @Test
    void everyFileIsWholeAfterSigkillAtRandomMoments(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int lastGen = 0;
        for (int run = 0; run < RUNS; run++) {
            Process child = startChild(dir);
            waitForFirstSave(child);
            Thread.sleep(random.nextInt(120));
            child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no finally blocks
            child.waitFor();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX)))
                        .as("seed %d, run %d: a killed writer's temporary files name it, so that the clean-up can "
                                + "tell them from a live writer's", seed, run)
                        .allMatch(n -> n.contains(".pid" + child.pid() + "-"));
            }
            int gen = checkFiles(dir, "seed " + seed + ", run " + run);
            assertThat(gen).as("seed %d, run %d: generations never go backwards", seed, run).isGreaterThan(0);
            lastGen = gen;
        }
        assertThat(lastGen).isPositive();
    }

    private static Process startChild(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SaverChild.class.getName(), dir.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static void waitForFirstSave(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child's first line (it should have saved once)").isEqualTo("saved");
    }

    // Each file must hold one whole generation; the store must load its files without moving anything aside.
    private static int checkFiles(Path dir, String context) throws Exception {
        int gen = Integer.MAX_VALUE;
        for (int f = 0; f < 3; f++) {
            byte[] bytes = Files.readAllBytes(dir.resolve("file" + f + ".txt"));
            int g = SaverChild.generationOf(bytes);
            assertThat(g).as("%s: file%d.txt holds a whole generation (%d bytes)", context, f, bytes.length)
                    .isPositive();
            gen = Math.min(gen, g);
        }
        UserDataStore store = new UserDataStore(dir);
        Settings settings = store.loadSettings();
        assertThat(store.warnings()).as("%s: warnings", context).isEmpty();
        assertThat(settings.lastExercise()).as(context).startsWith("gen-");
        String solution = store.loadSolution("sparse-cells", "SparseCells.java").orElseThrow();
        assertThat(SaverChild.generationOf(solution.getBytes(StandardCharsets.US_ASCII))).as(context).isPositive();
        AtomicFiles.removeLeftovers(dir, java.time.Duration.ZERO);
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)))
                    .as("%s: a killed writer's temporary files can be removed", context).isEmpty();
        }
        return gen;
    }
}

package pagelab.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up of the data folder with real second processes: what a live PageLab makes is kept, what a killed one
 * left is removed at the next start, and nothing else is touched.
 */
class DataFolderTest {
    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void everyLeftoverGoesWhenNoOtherPageLabRunsAndNothingElseIsTouched() throws Exception {
        List<Path> leftovers = LeaseHolderChild.plant(dir, "dead");
        List<Path> keep = List.of(
                LeaseHolderChild.file(dir.resolve("progress.json")),
                LeaseHolderChild.file(dir.resolve("progress.json.corrupt-20250101-120000")),
                LeaseHolderChild.file(dir.resolve("settings.properties")),
                LeaseHolderChild.file(dir.resolve("solutions/sparse-cells/SparseCells.java")),
                LeaseHolderChild.file(dir.resolve("solutions/sparse-cells/SparseCells.java.bak")),
                LeaseHolderChild.file(dir.resolve("solutions/sparse-cells/SparseCells.java.unreadable-20250101-1200")),
                LeaseHolderChild.file(dir.resolve("sessions/session.txt")),
                LeaseHolderChild.file(dir.resolve("bundles/alice.zip")),
                LeaseHolderChild.file(dir.resolve("plugins/exercise.jar")),
                LeaseHolderChild.file(dir.resolve("cache/classes/0123456789abcdef0123456789abcdef/pkg/A.class")),
                LeaseHolderChild.file(dir.resolve("cache/child-is-a-file-not-a-folder")),
                LeaseHolderChild.file(dir.resolve("notes.pagelab-tmp.txt")));

        DataFolder folder = DataFolder.open(dir);

        assertThat(leftovers).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(keep).allSatisfy(p -> assertThat(p).hasContent("half a wri"));
        assertThat(folder.warnings()).isEmpty();
        try (Stream<Path> running = Files.list(dir.resolve(DataFolder.RUNNING))) {
            assertThat(running.map(p -> p.getFileName().toString())).hasSize(2).contains("sweep.lock")
                    .anyMatch(n -> n.matches(ProcessHandle.current().pid() + "-\\d+\\.lease"));
        }
    }

    @Test
    void aLiveProcesssTemporaryFilesAreKeptAndTheNextStartAfterItsKillRemovesThem() throws Exception {
        Path older = Files.createDirectories(dir.resolve("cache/child-older-than-every-live-process"));
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Process holder = start("hold", dir.toString());
        List<Path> live = LeaseHolderChild.leftovers(dir, "live");

        assertThat(start("start", dir.toString()).waitFor()).isZero();

        assertThat(live).allSatisfy(p -> assertThat(p).as("made by the live process").exists());
        assertThat(older).as("made before any live process started: its maker is dead").doesNotExist();

        holder.destroyForcibly(); // SIGKILL: no shutdown hook runs, the lease file stays
        holder.waitFor();
        assertThat(start("start", dir.toString()).waitFor()).isZero();

        assertThat(live).allSatisfy(p -> assertThat(p).as("left by the killed process").doesNotExist());
        try (Stream<Path> running = Files.list(dir.resolve(DataFolder.RUNNING))) {
            assertThat(running.map(p -> p.getFileName().toString())).as("no lease is left")
                    .containsExactly("sweep.lock");
        }
    }

    @Test
    void whileAnOlderProcessLivesALeftoverThatNamesItsDeadMakerGoesAndOneThatDoesNotStays() throws Exception {
        DataFolder.open(dir); // this JVM: the older process that lives on
        Process other = start("hold", dir.toString());
        long dead = other.pid();
        other.destroyForcibly();
        other.waitFor();
        long me = ProcessHandle.current().pid();
        List<Path> named = List.of(
                LeaseHolderChild.file(dir.resolve("solutions/sparse-cells/.A.java.pid" + dead + "-42.pagelab-tmp")),
                LeaseHolderChild.file(dir.resolve("bundles/.bundle-" + dead + "-42.tmp")),
                Files.createDirectories(dir.resolve("cache/classes/0123456789abcdef0123456789abcdef.tmp-" + dead
                        + "-42")));
        List<Path> mine = List.of(
                LeaseHolderChild.file(dir.resolve("solutions/sparse-cells/.A.java.pid" + me + "-42.pagelab-tmp")),
                LeaseHolderChild.file(dir.resolve("bundles/.bundle-" + me + "-42.tmp")));
        Path unnamed = dir.resolve("cache/child-live7");

        assertThat(start("start", dir.toString()).waitFor()).isZero();

        assertThat(named).as("their maker's lease is gone").allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(mine).as("this JVM lives").allSatisfy(p -> assertThat(p).exists());
        assertThat(unnamed).as("may be this JVM's: younger than its lease").exists();
    }

    @Test
    void whileAnOldProcessLivesShortLivedLeftoversStillGoAfterTenMinutes() throws Exception {
        long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        start("hold", dir.toString(), Long.toString(anHourAgo));
        Path staleBundle = LeaseHolderChild.file(dir.resolve("bundles/.bundle-stale.tmp"));
        Path youngBundle = LeaseHolderChild.file(dir.resolve("bundles/.bundle-young.tmp"));
        Path oldChild = Files.createDirectories(dir.resolve("cache/child-of-the-old-process"));
        Files.setLastModifiedTime(staleBundle, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        Files.setLastModifiedTime(youngBundle, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Files.setLastModifiedTime(oldChild, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));

        DataFolder.open(dir);

        assertThat(staleBundle).as("no bundle takes ten minutes to write").doesNotExist();
        assertThat(youngBundle).as("may be the live process's").exists();
        assertThat(oldChild).as("a working folder lives as long as its process").exists();
    }

    @Test
    void linksInAChildsWorkingFolderAreRemovedNotFollowed(@TempDir Path outside) throws Exception {
        Path precious = Files.writeString(outside.resolve("homework.txt"), "mine");
        Path child = Files.createDirectories(dir.resolve("cache/child-123"));
        Files.createSymbolicLink(child.resolve("home"), outside);
        Files.createSymbolicLink(child.resolve("file"), precious);

        DataFolder.open(dir);

        assertThat(child).doesNotExist();
        assertThat(precious).hasContent("mine");
    }

    @Test
    void aFolderACommandWritesIntoLosesOnlyItsHiddenTemporaryFiles(@TempDir Path bundles) throws Exception {
        Path bundle = LeaseHolderChild.file(bundles.resolve(".bundle-123.tmp"));
        Path csv = LeaseHolderChild.file(bundles.resolve(".pagelab-456.tmp"));
        Path zip = LeaseHolderChild.file(bundles.resolve("alice.zip"));
        Path other = LeaseHolderChild.file(bundles.resolve(".bundle-notes.txt"));
        for (Path p : List.of(bundle, csv, zip, other)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        }

        DataFolder.Sweep s = DataFolder.open(dir).sweepAlso(bundles);

        assertThat(s.removed()).containsExactlyInAnyOrder(bundle, csv);
        assertThat(zip).exists();
        assertThat(other).exists();
    }

    private Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LeaseHolderChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        if (args[0].equals("hold")) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the holder's first line").isEqualTo("ready");
        }
        return p;
    }
}

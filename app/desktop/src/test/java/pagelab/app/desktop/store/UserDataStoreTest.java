package pagelab.app.desktop.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDataStoreTest {
    @TempDir
    Path dir;

    @Test
    void dataDirFlagWinsOverEnvironmentWhichWinsOverHome() {
        assertThat(UserDataStore.resolveRoot("/x", Map.of("PAGELAB_HOME", "/y"))).isEqualTo(Path.of("/x"));
        assertThat(UserDataStore.resolveRoot(null, Map.of("PAGELAB_HOME", "/y"))).isEqualTo(Path.of("/y"));
        assertThat(UserDataStore.resolveRoot(" ", Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".pagelab"));
    }

    @Test
    void settingsAndProgressSurviveARoundTrip() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        Settings s = Settings.defaults().withTheme("dark").withFontSize(16).withLanguage("zh")
                .withWindow(new WindowLayout(10, 20, 800, 600, true, Map.of("map", 300), 2));
        store.saveSettings(s);
        Progress p = Progress.empty().with("sparse-cells", ExerciseProgress.notStarted().afterCheck(7, 10, 5L));
        store.saveProgress(p);

        UserDataStore again = new UserDataStore(dir);
        assertThat(again.loadSettings()).isEqualTo(s);
        assertThat(again.loadProgress()).isEqualTo(p);
        assertThat(again.loadProgress().of("sparse-cells").status()).isEqualTo(ExerciseProgress.Status.IN_PROGRESS);
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void aMissingFileGivesDefaultsWithoutWarning() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        assertThat(store.loadSettings()).isEqualTo(Settings.defaults());
        assertThat(store.loadProgress()).isEqualTo(Progress.empty());
        assertThat(store.warnings()).isEmpty();
    }

    @Test
    void aCorruptSettingsFileIsMovedAsideWithAWarningAndDefaultsAreUsed() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "{\"theme\": \"dark\", \"fontSi");
        UserDataStore store = new UserDataStore(dir);

        assertThat(store.loadSettings()).isEqualTo(Settings.defaults());

        assertThat(store.warnings()).singleElement().asString().contains("settings.properties").contains("moved");
        assertThat(dir.resolve("settings.properties")).doesNotExist();
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("settings.properties.corrupt-"))
                    .findFirst().orElseThrow();
            assertThat(aside).hasContent("{\"theme\": \"dark\", \"fontSi");
        }
    }

    @Test
    void aProgressFileHoldingTheWrongShapeIsMovedAside() throws Exception {
        Files.writeString(dir.resolve("progress.json"), "[1, 2, 3]");
        UserDataStore store = new UserDataStore(dir);
        assertThat(store.loadProgress()).isEqualTo(Progress.empty());
        assertThat(store.warnings()).hasSize(1);
    }

    @Test
    void outOfRangeSettingsFallBackToDefaultsOneByOne() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "pagelab.settings=1\ntheme=purple\nfontSize=99\n"
                + "language=fr\nwindow.width=abc\nfuture=true\n");
        Settings s = new UserDataStore(dir).loadSettings();
        assertThat(s.theme()).isEqualTo("light");
        assertThat(s.fontSize()).isEqualTo(Settings.DEFAULT_FONT);
        assertThat(s.language()).isEqualTo("system");
        assertThat(s.window().isSet()).isFalse();
    }

    @Test
    void solutionsAreSavedPerExerciseAndResetKeepsABackup() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        store.saveSolution("sparse-cells", "SparseCells.java", "class A {}");
        assertThat(store.loadSolution("sparse-cells", "SparseCells.java")).hasValue("class A {}");

        store.deleteSolution("sparse-cells", "SparseCells.java");

        assertThat(store.loadSolution("sparse-cells", "SparseCells.java")).isEmpty();
        assertThat(store.solutionDir("sparse-cells").resolve("SparseCells.java.bak")).hasContent("class A {}");
    }

    @Test
    void namesThatCouldEscapeTheFolderAreRefused() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        assertThatThrownBy(() -> store.saveSolution("../evil", "A.java", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exercise id");
        assertThatThrownBy(() -> store.loadSolution("ok", "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
    }

    @Test
    void openingTheStoreRemovesWhatAKilledWriterLeftInTheFolderAndInEachSolutionFolder() throws Exception {
        Path root = Files.writeString(dir.resolve(".settings.properties.pid999999999-1" + AtomicFiles.TEMP_SUFFIX), "ha");
        Path solution = Files.createDirectories(dir.resolve("solutions/sparse-cells"))
                .resolve(".SparseCells.java.123" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(solution, "half a fi");
        Path session = Files.createDirectories(dir.resolve("sessions")).resolve(".s.txt.7" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(session, "half");
        Path kept = Files.writeString(dir.resolve("solutions/sparse-cells/SparseCells.java"), "class A {}");

        new UserDataStore(dir); // no other PageLab runs on this folder: nobody is writing these

        assertThat(root).doesNotExist();
        assertThat(solution).doesNotExist();
        assertThat(session).doesNotExist();
        assertThat(kept).hasContent("class A {}");
    }

    @Test
    void noticesThatAriseAfterAListenerSubscribedReachItAndEarlierOnesComeFirst() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "garbage");
        Files.writeString(dir.resolve("progress.json"), "{\"exercises\": {\"sparse-cells\": {\"bestPo");
        UserDataStore store = new UserDataStore(dir);
        store.loadSettings();
        java.util.List<DataNotice> heard = new java.util.ArrayList<>();

        store.onNotice(heard::add);
        assertThat(heard).extracting(DataNotice::file).containsExactly(store.settingsFile());
        store.loadProgress(); // as the desktop does while the plugins load, after the window is up

        assertThat(heard).extracting(DataNotice::kind).containsExactly(DataNotice.Kind.MOVED_ASIDE,
                DataNotice.Kind.MOVED_ASIDE);
        assertThat(heard.get(1).message()).contains("progress.json").contains("moved to")
                .contains("progress.json.corrupt-");
        assertThat(heard.get(1).keptAs()).hasContent("{\"exercises\": {\"sparse-cells\": {\"bestPo");
    }

    @Test
    void aProgressFileThatCannotBeReadIsLeftAloneAndNeverSavedOver() throws Exception {
        Files.createDirectories(dir.resolve("progress.json")); // opens, but every read fails
        UserDataStore store = new UserDataStore(dir);

        assertThat(store.loadProgress()).isEqualTo(Progress.empty());

        assertThat(store.warnings()).singleElement().asString().contains("progress.json")
                .contains("left as it is");
        assertThatThrownBy(() -> store.saveProgress(Progress.empty().with("a", ExerciseProgress.notStarted())))
                .hasMessageContaining("does not write over");
        assertThat(dir.resolve("progress.json")).isDirectory();
    }

    @Test
    void anOversizedProgressFileIsMovedAsideUnparsed() throws Exception {
        byte[] big = new byte[UserDataStore.MAX_JSON_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        Files.write(dir.resolve("progress.json"), big);
        UserDataStore store = new UserDataStore(dir);

        assertThat(store.loadProgress()).isEqualTo(Progress.empty());

        assertThat(store.warnings()).singleElement().asString().contains("larger than 4096 KB");
    }

    @Test
    void aTrackFileInGbkIsReadAndAnUnreadableOneIsReportedAndLeftAlone() throws Exception {
        Files.write(dir.resolve("track.txt"), "== 第一阶段\nsparse-cells\n".getBytes("GBK"));
        UserDataStore store = new UserDataStore(dir);
        assertThat(store.loadTrack(List.of(), null).stages().get(0).title()).isEqualTo("第一阶段");

        Files.write(dir.resolve("track.txt"), new byte[] {'a', 0, 'b'});
        assertThat(store.loadTrack(List.of(), null).source()).isEqualTo("shipped track");
        assertThat(store.warnings()).singleElement().asString().contains("track.txt").contains("NUL");
        assertThat(dir.resolve("track.txt")).hasBinaryContent(new byte[] {'a', 0, 'b'});
    }
}

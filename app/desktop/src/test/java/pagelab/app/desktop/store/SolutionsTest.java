package pagelab.app.desktop.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "lost work" finding of issue 22 at the store's level: a solution the app cannot read as UTF-8 is shown as
 * written or kept aside, never replaced by the starter; a save never replaces a file the editor did not come from.
 */
class SolutionsTest {
    private static final String ID = "sparse-cells";
    private static final String FILE = "SparseCells.java";
    private static final String STARTER = "class SparseCells { // TODO\n}\n";
    private static final String CAFE = "class SparseCells {\n    // café: réservé puis validé\n    int cells;\n}\n";

    @TempDir
    Path dir;
    private UserDataStore store;
    private Path file;

    @BeforeEach
    void open() throws Exception {
        store = new UserDataStore(dir);
        file = Files.createDirectories(store.solutionDir(ID)).resolve(FILE);
    }

    @Test
    void aUtf8SolutionOpensAsWrittenWithoutANotice() throws Exception {
        Files.writeString(file, CAFE);

        OpenedSolution o = store.openSolution(ID, FILE, STARTER);

        assertThat(o.text()).isEqualTo(CAFE);
        assertThat(o.notice()).isNull();
        assertThat(o.origin().state()).isEqualTo(Origin.State.READ);
    }

    @Test
    void aLatin1SolutionOpensAsWrittenIsKeptAndIsSavedInUtf8() throws Exception {
        byte[] latin1 = CAFE.getBytes(Charset.forName("windows-1252"));
        Files.write(file, latin1);

        OpenedSolution o = store.openSolution(ID, FILE, STARTER);

        assertThat(o.text()).isEqualTo(CAFE);
        assertThat(o.notice().kind()).isEqualTo(DataNotice.Kind.READ_AS);
        assertThat(o.notice().detail()).isEqualTo("windows-1252");
        assertThat(o.notice().keptAs()).isEqualTo(file.resolveSibling(FILE + ".windows-1252.bak"))
                .hasBinaryContent(latin1);
        assertThat(file).as("nothing is written before the student edits").hasBinaryContent(latin1);

        SaveOutcome s = store.saveSolution(ID, FILE, CAFE + "// edited\n", o.origin(), null);

        assertThat(s.divertedTo()).isNull();
        assertThat(file).hasBinaryContent((CAFE + "// edited\n").getBytes(StandardCharsets.UTF_8));
        assertThat(o.notice().keptAs()).hasBinaryContent(latin1);
        assertThat(store.openSolution(ID, FILE, STARTER).notice()).as("UTF-8 now: nothing more to say").isNull();
    }

    @Test
    void aSecondOpenOfAnUnchangedFileReusesTheCopyOfItsOriginal() throws Exception {
        Files.write(file, CAFE.getBytes(Charset.forName("windows-1252")));
        Path first = store.openSolution(ID, FILE, STARTER).notice().keptAs();
        Path second = store.openSolution(ID, FILE, STARTER).notice().keptAs();
        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aBinarySolutionIsMovedAsideUntouchedAndTheStarterIsShown() throws Exception {
        byte[] binary = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61};
        Files.write(file, binary);

        OpenedSolution o = store.openSolution(ID, FILE, STARTER);

        assertThat(o.text()).isEqualTo(STARTER);
        assertThat(o.notice().kind()).isEqualTo(DataNotice.Kind.MOVED_ASIDE);
        assertThat(o.notice().keptAs().getFileName().toString()).startsWith(FILE + ".unreadable-");
        assertThat(o.notice().keptAs()).hasBinaryContent(binary);
        assertThat(o.notice().message()).contains("not text").contains(o.notice().keptAs().toString());

        store.saveSolution(ID, FILE, STARTER + "// mine\n", o.origin(), null);

        assertThat(file).hasContent(STARTER + "// mine\n");
        assertThat(o.notice().keptAs()).hasBinaryContent(binary);
    }

    @Test
    void aSolutionThatCannotBeOpenedIsNeverWrittenOverTheEditsGoBesideIt() throws Exception {
        Files.createDirectories(file); // exists, but every read fails

        OpenedSolution o = store.openSolution(ID, FILE, STARTER);
        SaveOutcome first = store.saveSolution(ID, FILE, STARTER + "// 1\n", o.origin(), null);
        SaveOutcome second = store.saveSolution(ID, FILE, STARTER + "// 2\n", first.origin(), first.divertedTo());

        assertThat(o.text()).isEqualTo(STARTER);
        assertThat(o.notice().kind()).isEqualTo(DataNotice.Kind.LEFT_AS_IS);
        assertThat(file).isDirectory();
        assertThat(first.notice().kind()).isEqualTo(DataNotice.Kind.DIVERTED);
        assertThat(first.divertedTo().getFileName().toString()).startsWith(FILE + ".conflict-");
        assertThat(second.divertedTo()).isEqualTo(first.divertedTo());
        assertThat(second.notice()).as("told once").isNull();
        assertThat(second.divertedTo()).hasContent(STARTER + "// 2\n");
    }

    @Test
    void aFileChangedInAnotherEditorAfterItWasOpenedIsNotSavedOver() throws Exception {
        Files.writeString(file, CAFE);
        OpenedSolution o = store.openSolution(ID, FILE, STARTER);
        Files.writeString(file, CAFE + "// from Notepad\n");

        SaveOutcome s = store.saveSolution(ID, FILE, CAFE + "// from PageLab\n", o.origin(), null);

        assertThat(file).hasContent(CAFE + "// from Notepad\n");
        assertThat(s.divertedTo()).hasContent(CAFE + "// from PageLab\n");
        assertThat(s.notice().message()).contains("changed outside PageLab").contains(s.divertedTo().toString());
    }

    @Test
    void aFileThatAppearedAfterTheStarterWasOpenedIsNotSavedOver() throws Exception {
        OpenedSolution o = store.openSolution(ID, FILE, STARTER);
        assertThat(o.origin()).isEqualTo(Origin.ABSENT);
        Files.writeString(file, CAFE);

        SaveOutcome s = store.saveSolution(ID, FILE, STARTER + "// typed\n", o.origin(), null);

        assertThat(file).hasContent(CAFE);
        assertThat(s.divertedTo()).hasContent(STARTER + "// typed\n");
    }

    @Test
    void savesInARowFollowTheirOwnWrites() throws Exception {
        OpenedSolution o = store.openSolution(ID, FILE, STARTER);
        Origin origin = o.origin();
        for (int i = 0; i < 5; i++) {
            SaveOutcome s = store.saveSolution(ID, FILE, STARTER + "// " + i + "\n", origin, null);
            assertThat(s.divertedTo()).isNull();
            origin = s.origin();
        }
        assertThat(file).hasContent(STARTER + "// 4\n");
    }
}

package pagelab.app.desktop;

import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.exercise.MarkedSource;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "lost work" finding of issue 22, in the real window with the real sparse-cells plugin: a saved solution that is
 * not UTF-8 opens as written (not as the starter), the student is told in a notice that the plugin loading does not
 * overwrite, and the first keystroke saves it in UTF-8 with the original kept; a file that is not text is kept aside;
 * a file changed in another editor is never autosaved over.
 */
@Tag("gui")
@SuppressWarnings("deprecation") // AssertJ-Swing takes the old InputEvent masks
class LostWorkGuiTest extends DevelopmentTreeGuiTest {
    private static final Path EXERCISE = ROOT.resolve("exercises/sparse-cells");
    private static final String ID = "sparse-cells";
    private static final String FILE = "SparseSpreadsheet.java";

    @TempDir
    Path dir;
    private UserDataStore store;
    private Path solution;

    @BeforeEach
    void dataFolderWithSparseCellsLastOpen() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(EXERCISE.resolve("target/classes")),
                "build exercises/sparse-cells first");
        store = new UserDataStore(dir);
        store.saveSettings(Settings.defaults().withLastExercise(ID));
        solution = Files.createDirectories(store.solutionDir(ID)).resolve(FILE);
    }

    private static String reference() throws Exception {
        return Files.readString(EXERCISE.resolve("src/main/resources/sparse-cells/reference/" + FILE));
    }

    /** The starter a student is given: rendered from the marked reference, as the exercise renders it. */
    private static String starter() throws Exception {
        return MarkedSource.parse(FILE, reference()).starter();
    }

    @Test
    void aLatin1SolutionOpensAsWrittenAndIsSavedInUtf8OnlyAfterTheStudentWasTold() throws Exception {
        String text = "// Notes: café, réservé puis validé\n" + reference();
        byte[] latin1 = text.getBytes(Charset.forName("windows-1252"));
        Files.write(solution, latin1);

        openWindow();

        assertThat(editor().text()).as("the student's file, not the starter").isEqualTo(text);
        waitUntil("the plugins are loaded", () -> window.label("status").text().contains("exercises loaded"));
        assertThat(fileNotices()).as("still there after '... exercises loaded'").singleElement().asString()
                .contains(FILE).contains("windows-1252").contains(FILE + ".windows-1252.bak");
        assertThat(solution).as("nothing written before an edit").hasBinaryContent(latin1);

        type("// typed\n");

        waitUntil("autosave", () -> new String(Files.readAllBytes(solution), StandardCharsets.UTF_8)
                .contains("// typed"));
        String saved = Files.readString(solution, StandardCharsets.UTF_8);
        assertThat(saved).startsWith(text.substring(0, text.length() - 2)).contains("café").contains("// typed");
        assertThat(solution.resolveSibling(FILE + ".windows-1252.bak")).hasBinaryContent(latin1);
    }

    @Test
    void aSolutionThatIsNotTextIsKeptAsideAndTheStudentIsToldWhere() throws Exception {
        byte[] binary = new byte[3000];
        new java.util.Random(22).nextBytes(binary);
        binary[10] = 0;
        Files.write(solution, binary);

        openWindow();

        assertThat(editor().text()).isEqualTo(starter());
        Path aside;
        try (Stream<Path> files = Files.list(solution.getParent())) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(FILE + ".unreadable-")).findFirst()
                    .orElseThrow();
        }
        assertThat(aside).hasBinaryContent(binary);
        assertThat(fileNotices()).singleElement().asString().contains("could not be read").contains("not text")
                .contains(aside.toString());

        type("// mine\n");

        waitUntil("autosave", () -> Files.exists(solution) && Files.readString(solution).contains("// mine"));
        assertThat(aside).hasBinaryContent(binary);
    }

    @Test
    void aSolutionChangedInAnotherEditorIsNeverAutosavedOver() throws Exception {
        Files.writeString(solution, reference());
        openWindow();
        String notepad = reference() + "// saved from Notepad while PageLab was open\n";
        Files.writeString(solution, notepad);

        type("// typed in PageLab\n");

        waitUntil("the notice about the diverted edits", () -> !fileNotices().isEmpty());
        assertThat(solution).hasContent(notepad);
        Path conflict;
        try (Stream<Path> files = Files.list(solution.getParent())) {
            conflict = files.filter(p -> p.getFileName().toString().startsWith(FILE + ".conflict-")).findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readString(conflict)).contains("// typed in PageLab");
        assertThat(fileNotices()).singleElement().asString().contains("changed outside PageLab")
                .contains(conflict.toString());

        window.button("noticeAction").click();

        waitUntil("the editor shows the file on disk", () -> editor().text().equals(notepad));
        assertThat(fileNotices()).isEmpty();
        type("// and now\n");
        waitUntil("autosave over the file it now came from", () -> Files.readString(solution).contains("// and now"));
        assertThat(Files.readString(solution)).contains("// saved from Notepad");
    }

    private void openWindow() {
        open(store);
        MainFrame frame = (MainFrame) window.target();
        waitUntil("sparse-cells is open", () -> frame.workbench().openExercise() != null
                && frame.workbench().openExercise().id().equals(ID));
    }

    private JTextComponentFixture editor() {
        return window.textBox("editor:" + FILE);
    }

    private java.util.List<String> fileNotices() {
        MainFrame frame = (MainFrame) window.target();
        return GuiActionRunner.execute(() -> frame.workbench().notices().texts());
    }

    private void type(String text) {
        JTextComponentFixture e = editor();
        e.click();
        e.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_END).modifiers(InputEvent.CTRL_MASK));
        e.enterText(text);
    }
}

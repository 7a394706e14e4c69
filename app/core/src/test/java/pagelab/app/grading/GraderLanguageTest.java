package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import example.tiny.TinyExercise;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.SourceSet;
import pagelab.exercises.sparsecells.SparseCells;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.CompiledSolution;

/** javac's messages in the student's language (issue 16): one compile for PageLab's languages, English kept. */
class GraderLanguageTest {
    @TempDir
    static Path home;
    static LoadedExercise tiny;
    static final SourceSet BROKEN = new SourceSet(Map.of("Solution.java",
            "public class Solution implements example.tiny.TinySolution {\n"
                    + "    public int answer() { return \"42\"; }\n}\n"));

    @BeforeAll
    static void load() throws URISyntaxException {
        Path classes = Path.of(TinyExercise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        tiny = LoadedExercise.of(new TinyExercise(), "tiny-plugin", "1.0.0", classes, List.of(classes));
    }

    static List<String> messages(CompiledSolution c) {
        return c.diagnostics().stream().map(CompileDiagnostic::toString).toList();
    }

    @Test
    void theCompileHasJavacsChineseBesideTheEnglishItKeeps() {
        try (Grader grader = new Grader(GraderOptions.defaults(home.resolve("zh")))) {
            CompiledSolution compiled = grader.compile(tiny, BROKEN);

            assertThat(messages(compiled)).containsExactly("Solution.java:2:34: error: incompatible types: "
                    + "java.lang.String cannot be converted to int");
            assertThat(compiled.in(Locale.SIMPLIFIED_CHINESE)).isPresent();
            assertThat(messages(grader.compiledIn(Locale.forLanguageTag("zh-CN"), tiny, BROKEN, compiled)))
                    .containsExactly("Solution.java:2:34: error: 不兼容的类型: java.lang.String无法转换为int");
            assertThat(grader.compiledIn(Locale.ENGLISH, tiny, BROKEN, compiled)).isSameAs(compiled);
            assertThat(grader.compiledIn(null, tiny, BROKEN, compiled)).isSameAs(compiled);
        }
    }

    @Test
    void theGradersOwnVerdictsOnARunawaySolutionAreInTheStudentsLanguage() throws URISyntaxException {
        Path plugin = Path.of(SparseCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LoadedExercise sparseCells = LoadedExercise.of(new SparseCells(), "sparse-cells", "test", plugin,
                List.of(plugin));
        String reference = new SparseCells().reference().text("SparseSpreadsheet.java");
        SourceSet loops = new SourceSet(Map.of("SparseSpreadsheet.java", reference.replace(
                "public boolean open(Kernel32 kernel, Memory memory) {",
                "public boolean open(Kernel32 kernel, Memory memory) {\n        while (true) { Thread.onSpinWait(); }\n"
                        + "    }\n    public boolean openForReal(Kernel32 kernel, Memory memory) {")));
        GraderOptions options = GraderOptions.defaults(home.resolve("loops")).withCheckTimeout(Duration.ofSeconds(1));
        try (Grader grader = new Grader(options)) {
            GradingResult english = grader.grade(sparseCells, loops);
            GradingResult chinese = grader.translated(Locale.SIMPLIFIED_CHINESE, sparseCells, loops, english);

            assertThat(english.report().results().get(0).message()).isEqualTo("The check did not finish within "
                    + "1000 ms: an endless loop, or waiting for something that never happens?");
            assertThat(chinese.report().results().get(0).message())
                    .isEqualTo("检查没有在 1000 毫秒内结束：是死循环，还是在等待一件永远不会发生的事？");
        }
    }

    @Test
    void anotherLanguageOfJavacsCostsASecondCompile() {
        try (Grader grader = new Grader(GraderOptions.defaults(home.resolve("ja")))) {
            CompiledSolution compiled = grader.compile(tiny, BROKEN);

            assertThat(compiled.in(Locale.JAPAN)).isEmpty();
            assertThat(messages(grader.compiledIn(Locale.JAPAN, tiny, BROKEN, compiled)))
                    .singleElement(STRING)
                    .startsWith("Solution.java:2:34: error: 不適合な型");
        }
    }
}

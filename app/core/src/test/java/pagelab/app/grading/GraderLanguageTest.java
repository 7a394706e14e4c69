package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import example.tiny.TinyExercise;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.SourceSet;
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

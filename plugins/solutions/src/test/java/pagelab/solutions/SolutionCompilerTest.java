package pagelab.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import example.exercise.Sheet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.exercise.SourceSet;

/** javac's messages in English and, from the same run, in a student's language (issue 16). */
class SolutionCompilerTest {
    static final StudentApi API = StudentApi.of(Sheet.class);
    static final SourceSet BROKEN = new SourceSet(Map.of("Solution.java", """
            import example.exercise.*;
            public class Solution implements Sheet {
                public Cell cell(int row) { return new Cell(row, "x"); }
                int broken = "text";
                int newer() { return java.util.List.of(1).getFirst(); }
            }
            """));

    @TempDir
    Path cache;

    @Test
    void oneCompileGivesJavacsEnglishAndItsChineseAtTheSamePlaces() {
        CompiledSolution c = new SolutionCompiler(cache).compile(BROKEN, API, List.of(Locale.SIMPLIFIED_CHINESE));

        assertThat(c.compiled()).isFalse();
        assertThat(c.diagnostics()).extracting(CompileDiagnostic::toString).containsExactly(
                "Solution.java:4:18: error: incompatible types: java.lang.String cannot be converted to int",
                "Solution.java:5:46: error: cannot find symbol: List.getFirst() came with Java 21, but solutions are "
                        + "compiled as Java 17, which does not have it");
        CompiledSolution zh = c.in(Locale.SIMPLIFIED_CHINESE).orElseThrow();
        // javac's own Chinese; PageLab's note stays English for ReportText to translate with its other words
        assertThat(zh.diagnostics()).extracting(CompileDiagnostic::toString).containsExactly(
                "Solution.java:4:18: error: 不兼容的类型: java.lang.String无法转换为int",
                "Solution.java:5:46: error: 找不到符号: List.getFirst() came with Java 21, but solutions are "
                        + "compiled as Java 17, which does not have it");
        assertThat(zh.compiled()).isFalse();
        assertThat(zh.translations()).isEmpty();
    }

    @Test
    void aLanguageTheCompileWasNotAskedForIsNotThere() {
        SolutionCompiler compiler = new SolutionCompiler(cache);

        assertThat(compiler.compile(BROKEN, API).in(Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(compiler.compile(BROKEN, API, List.of(Locale.SIMPLIFIED_CHINESE)).in(Locale.JAPAN)).isEmpty();
    }

    @Test
    void aSolutionThatCompilesHasNoMessagesInAnyLanguage() {
        SourceSet fine = new SourceSet(Map.of("Solution.java", """
                import example.exercise.*;
                public class Solution implements Sheet {
                    public Cell cell(int row) { return new Cell(row, "x"); }
                }
                """));

        CompiledSolution c = new SolutionCompiler(cache).compile(fine, API, List.of(Locale.SIMPLIFIED_CHINESE));

        assertThat(c.runnable()).isTrue();
        assertThat(c.in(Locale.SIMPLIFIED_CHINESE).orElseThrow().diagnostics()).isEmpty();
    }

    @Test
    void onlyANewerJdkIsHeldToJava17ByRelease() {
        assertThat(SolutionCompiler.options(17)).doesNotContain("--release").contains("--limit-modules", "java.base");
        assertThat(SolutionCompiler.options(21)).containsSequence("--release", "17");
    }

    @Test
    void theJdksInternalsAndOtherModulesStayOutOfReachWithoutRelease() {
        SourceSet internals = new SourceSet(Map.of("Solution.java", """
                import example.exercise.*;
                public class Solution implements Sheet {
                    public Cell cell(int row) { return new Cell(row, "x"); }
                    Object a = jdk.internal.misc.Unsafe.getUnsafe();
                    Object b = sun.misc.Unsafe.class;
                    Object c = javax.tools.ToolProvider.getSystemJavaCompiler();
                    Object d = java.sql.DriverManager.class;
                }
                """));

        CompiledSolution c = new SolutionCompiler(cache).compile(internals, API);

        assertThat(c.compiled()).isFalse();
        assertThat(c.diagnostics()).extracting(CompileDiagnostic::line).containsExactly(4L, 5L, 6L, 7L);
        assertThat(c.diagnostics().get(0).toString()).contains("jdk.internal.misc", "not visible");
    }
}

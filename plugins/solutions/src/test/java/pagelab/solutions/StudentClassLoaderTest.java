package pagelab.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.exercise.Cell;
import example.exercise.Sheet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * At run time a solution's classes see java.base, the exercise's student-facing types and their own classes, and
 * nothing else, whatever the policy let through: a second line behind the policy, not a replacement for it.
 */
class StudentClassLoaderTest {
    static final StudentApi API = StudentApi.of(Sheet.class);
    static final String SOLUTION = "import example.exercise.*;\npublic class Solution implements Sheet {\n"
            + "    public Cell cell(int row) { return new Cell(row, java.util.List.of(\"a\").get(0)); }\n}\n";

    static StudentClassLoader loader() {
        return StudentClassLoader.of(Compiled.compile("Solution.java", SOLUTION), API, SolutionPolicy.standard());
    }

    @Test
    void theSolutionRunsAgainstTheExercisesOwnTypes() throws Exception {
        Class<?> c = loader().loadClass("Solution");
        Sheet sheet = (Sheet) c.getConstructor().newInstance();
        assertThat(sheet.cell(3)).isEqualTo(new Cell(3, "a"));
        assertThat(c.getClassLoader().loadClass("example.exercise.Cell")).isSameAs(Cell.class);
    }

    @Test
    void onlyJavaBaseOfTheJdkExists() throws ClassNotFoundException {
        StudentClassLoader l = loader();
        assertThat(l.loadClass("java.util.List")).isSameAs(List.class);
        assertThatThrownBy(() -> l.loadClass("sun.misc.Unsafe")).isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("jdk.unsupported");
        assertThatThrownBy(() -> l.loadClass("javax.tools.ToolProvider"))
                .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("java.compiler");
    }

    @Test
    void theCheckerThePolicyAndTheHostDoNotExist() {
        StudentClassLoader l = loader();
        for (String name : List.of("example.exercise.SheetChecks", "pagelab.solutions.SolutionPolicy",
                "org.objectweb.asm.ClassReader")) {
            assertThatThrownBy(() -> l.loadClass(name)).as(name).isInstanceOf(ClassNotFoundException.class)
                    .hasMessageContaining("not available to solutions");
        }
    }

    @Test
    void noResourceCanBeRead() {
        StudentClassLoader l = loader();
        assertThat(l.getResource("example/exercise/Sheet.class")).isNull();
        assertThat(l.getResourceAsStream("pagelab/solutions/solution-rules.txt")).isNull();
        assertThat(l.getResources("META-INF/MANIFEST.MF").hasMoreElements()).isFalse();
    }

    @Test
    void aSolutionThePolicyRefusesDefinesNothing() {
        Map<String, byte[]> classes = Compiled.compile("Solution.java", SOLUTION.replace("public Cell cell",
                "void quit() { System.exit(1); }\n    public Cell cell"));
        assertThatThrownBy(() -> StudentClassLoader.of(classes, API, SolutionPolicy.standard()))
                .isInstanceOf(RejectedSolutionException.class).hasMessageContaining("System.exit(int)");
    }
}

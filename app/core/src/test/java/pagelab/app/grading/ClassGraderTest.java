package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import example.tiny.TinyExercise;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;

/** Every submission folder gets a row with a status and a reason, whatever happens to it. */
class ClassGraderTest {
    @TempDir
    static Path home;
    static LoadedExercise tiny;
    static Path classes;

    @BeforeAll
    static void load() throws URISyntaxException {
        classes = Path.of(TinyExercise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        tiny = LoadedExercise.of(new TinyExercise(), "tiny-plugin", "1.0.0", classes, List.of(classes));
    }

    static Map<String, Gradebook.Row> grade(String machines, Map<String, String> submissions) throws IOException {
        Path klass = Files.createDirectories(home.resolve("class-" + machines));
        for (Map.Entry<String, String> s : submissions.entrySet()) {
            Path dir = Files.createDirectories(klass.resolve(s.getKey()));
            if (!s.getValue().isEmpty()) {
                Files.writeString(dir.resolve("Solution.java"), s.getValue());
            }
        }
        GraderOptions options = GraderOptions.defaults(home.resolve("data")).withCheckTimeout(Duration.ofSeconds(2))
                .withExtraChildClasspath(List.of(classes))
                .withChildJvmArgs(List.of("-Dpagelab.child.machines=example.tiny." + machines));
        List<Path> folders;
        try (var list = Files.list(klass)) {
            folders = list.sorted().toList();
        }
        return new ClassGrader(options, 2, null, null).grade(tiny, folders, 15, r -> { }).stream()
                .collect(Collectors.toMap(Gradebook.Row::student, Function.identity()));
    }

    static String solution(String body) {
        return "public class Solution implements example.tiny.TinySolution {\n" + body + "\n}\n";
    }

    @Test
    void eachSubmissionGetsItsStatusAndReason() throws IOException {
        Map<String, Gradebook.Row> rows = grade("StubMachines", Map.of(
                "good", solution("public int answer() { return 42; }"),
                "wrong", solution("public int answer() { return 41; }"),
                "broken", "class Solution {",
                "exits", solution("public int answer() { System.exit(1); return 0; }"),
                "loops", solution("public int answer() { while (true) { Thread.onSpinWait(); } }"),
                "empty", ""));
        assertThat(rows.get("good").status()).isEqualTo(SubmissionStatus.GRADED);
        assertThat(rows.get("good").result().points()).isEqualTo(3);
        assertThat(rows.get("wrong").status()).isEqualTo(SubmissionStatus.GRADED);
        assertThat(rows.get("broken").status()).isEqualTo(SubmissionStatus.COMPILE_ERROR);
        assertThat(rows.get("exits").status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(rows.get("exits").reason()).contains("System.exit(int) is not allowed");
        assertThat(rows.get("loops").status()).isEqualTo(SubmissionStatus.TIMEOUT);
        assertThat(rows.get("loops").reason()).contains("answers: The check did not finish within 2000 ms");
        assertThat(rows.get("empty").status()).isEqualTo(SubmissionStatus.NOT_GRADED);
        assertThat(rows.get("empty").reason()).contains("no .java files");
    }

    @Test
    void aFailingCheckerIsACheckerErrorNotTheStudentsFault() throws IOException {
        Map<String, Gradebook.Row> rows = grade("BrokenMachines", Map.of("good",
                solution("public int answer() { return 42; }")));
        assertThat(rows.get("good").status()).isEqualTo(SubmissionStatus.CHECKER_ERROR);
        assertThat(rows.get("good").reason()).contains("broken on purpose");
    }

    @Test
    void aChildThatDiesUnderACheckIsACrash() throws IOException {
        Map<String, Gradebook.Row> rows = grade("HaltingMachines", Map.of("good",
                solution("public int answer() { return 42; }")));
        assertThat(rows.get("good").status()).isEqualTo(SubmissionStatus.CRASHED);
        assertThat(rows.get("good").reason()).contains("stopped abruptly").contains("exit code 134");
    }
}

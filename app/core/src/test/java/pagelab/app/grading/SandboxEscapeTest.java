package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import example.escape.EscapeExercise;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.SourceSet;

/**
 * The operating system's share of the trust boundary, proven on its own: the escape exercise's checker runs inside a
 * graded child and tries what a solution would if the solution policy ever let something through. In the sandbox
 * every attempt fails (the host's files stay unread and unwritten, the network unreachable, no process outlives
 * the child); without it the same attempts get out, which shows that the test can fail.
 */
class SandboxEscapeTest {
    @TempDir
    static Path home;
    static LoadedExercise escape;
    static ServerSocket listener;

    @BeforeAll
    static void setUp() throws IOException, URISyntaxException {
        Path classes = Path.of(EscapeExercise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        escape = LoadedExercise.of(new EscapeExercise(), "escape", "1.0.0", classes, List.of(classes));
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void tearDown() throws IOException {
        listener.close();
    }

    /** Grades the escape exercise in graded mode with {@code sandbox}; the attempts aim at {@code data}. */
    static GradingResult attempt(Sandbox.Mode sandbox, Path data, String token) throws IOException {
        Files.createDirectories(data);
        Path secret = Files.writeString(data.resolve("answer-key.txt"), "the answer key");
        GraderOptions options = GraderOptions.defaults(data).withChildJvmArgs(List.of(
                "-Descape.secret=" + secret, "-Descape.planted=" + data.resolve("plugins").resolve("evil.jar"),
                "-Descape.port=" + listener.getLocalPort(), "-Descape.token=" + token))
                .graded(sandbox, List.of());
        try (Grader grader = new Grader(options)) {
            return grader.grade(escape, new EscapeExercise().reference(), 15, r -> { });
        }
    }

    static String token() {
        return "600." + (100000 + new Random().nextInt(900000));
    }

    static List<ProcessHandle> sleeping(String token) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("sleep " + token)).toList();
    }

    @Test
    void inTheSandboxEveryAttemptFails() throws Exception {
        assumeTrue(Sandbox.available(), "bubblewrap is not available here; CI installs it");
        Path data = home.resolve("sandboxed");
        String token = token();
        GradingResult r = attempt(Sandbox.Mode.REQUIRED, data, token);
        assertThat(r.isolation()).isEqualTo("bubblewrap");
        assertThat(r.report().results()).allSatisfy(c -> assertThat(c.status()).as(c.checkId() + ": " + c.message())
                .isEqualTo(CheckStatus.PASS));
        assertThat(data.resolve("plugins").resolve("evil.jar")).as("written into the data folder").doesNotExist();
        // the grader has closed the child; its process tree goes down with it, within moments
        for (int i = 0; i < 50 && !sleeping(token).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(sleeping(token)).as("processes left behind").isEmpty();
    }

    @Test
    void withoutTheSandboxTheSameAttemptsGetOut() throws Exception {
        Path data = home.resolve("unsandboxed");
        String token = token();
        try {
            GradingResult r = attempt(Sandbox.Mode.OFF, data, token);
            assertThat(r.isolation()).isEqualTo("policy");
            assertThat(r.report().result("readsTheHostsFiles").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.report().result("reachesTheNetwork").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(data.resolve("plugins").resolve("evil.jar")).exists();
            Thread.sleep(500);
            assertThat(sleeping(token)).as("the double-forked process outlives an unsandboxed child").isNotEmpty();
        } finally {
            sleeping(token).forEach(ProcessHandle::destroyForcibly);
        }
    }
}

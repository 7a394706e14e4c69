package pagelab.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.exercises.sparsecells.SparseCells;

/**
 * docker/Dockerfile builds, and the image grades a submission as {@code pagelab check ID /submission --format json}
 * as a non-root user. Runs only where a Docker daemon answers (and the build can reach Maven Central); elsewhere it
 * is skipped, and docs/grading-at-scale.md says how to run it by hand.
 */
class DockerImageTest {
    static final String IMAGE = "pagelab-grader:test";

    @TempDir
    Path tmp;

    @Test
    void imageBuildsAndGradesTheReferenceAsANonRootUser() throws Exception {
        assumeTrue(docker(), "no Docker daemon here");
        Path root = Path.of("").toAbsolutePath().getParent().getParent(); // app/core -> the source tree
        assertThat(root.resolve("docker/Dockerfile")).exists();
        Result build = exec(List.of("docker", "build", "-f", root.resolve("docker/Dockerfile").toString(), "-t",
                IMAGE, root.toString()), 1800);
        assertThat(build.code()).as(build.out()).isZero();

        Path submission = Files.createDirectories(tmp.resolve("submission"));
        new SparseCells().reference().files().forEach((name, text) -> {
            try {
                Files.writeString(submission.resolve(name), text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Result graded = exec(List.of("docker", "run", "--rm", "-v", submission + ":/submission:ro", IMAGE, "check",
                "sparse-cells", "/submission", "--format", "json"), 300);
        assertThat(graded.code()).as(graded.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(graded.out().substring(graded.out().indexOf('{')));
        assertThat(json.get("report").get("results")).allMatch(r -> r.get("status").asText().equals("PASS"));
        Result who = exec(List.of("docker", "run", "--rm", "--entrypoint", "id", IMAGE, "-u"), 60);
        assertThat(who.out().trim()).isEqualTo("10001");
    }

    record Result(int code, String out) {
    }

    static boolean docker() {
        try {
            return exec(List.of("docker", "info"), 30).code() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Result exec(List<String> command, long seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = Files.createTempFile("docker", ".log");
        try {
            try (var out = Files.newOutputStream(log)) {
                p.getInputStream().transferTo(out);
            }
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
